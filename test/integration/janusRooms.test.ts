import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { signIn } from './staffQueue.ts';
import { createJanusClient, janusRoomOf } from '../../server/src/media/janusClient.ts';
import type { EventView } from '../../shared/protocol/index.ts';

describe('briefing media rooms on a real Janus', () => {
  let janus: RunningJanus;
  let server: TestServer;
  beforeAll(async () => {
    janus = await startJanus();
    server = await startTestServer({ JANUS_URL: janus.url, LOG_LEVEL: 'error' });
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await janus?.stop();
  });

  it('the VideoRoom exists while the event is live and is destroyed when it ends', async () => {
    const host = await signIn(server.url, 'demo-host');
    const post = (path: string, body: unknown = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie: host, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const event = (await (
      await post('/api/events', {
        title: { ja: '税の説明会', en: 'Tax briefing' },
        description: { ja: '住民税の申告', en: 'Filing resident tax' },
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 200,
        presenters: ['demo-host'],
      })
    ).json()) as EventView;
    const rooms = createJanusClient(janus.url);
    expect(await rooms.exists(janusRoomOf(event.id))).toBe(false);
    expect((await post(`/api/events/${event.id}/start`)).status).toBe(200);
    expect(await rooms.exists(janusRoomOf(event.id))).toBe(true);
    expect((await post(`/api/events/${event.id}/end`)).status).toBe(200);
    expect(await rooms.exists(janusRoomOf(event.id))).toBe(false);
  });
});
