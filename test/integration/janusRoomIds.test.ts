import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { waitFor } from '../support/waitFor.ts';
import { signIn } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import { createJanusClient } from '../../server/src/media/janusClient.ts';

/**
 * Room ids used to be 100000 + the event id: two servers on one Janus (or a fresh database, or a room a
 * crash left behind) asked for the same room and the second start failed. Each stage now draws its id.
 */
describe('briefings of two servers sharing one Janus', () => {
  let janus: RunningJanus;
  let local: TestServer;
  let other: ServerProcess;
  const otherDir = mkdtempSync(join(tmpdir(), 'city-hall-other-'));
  // The other server is a process of its own (Colyseus keeps one matchmaker per process).
  const servers: { url: string; endpoint: string }[] = [];
  const clients = [0, 1].map((i) => briefingClients(() => servers[i] as TestServer));

  beforeAll(async () => {
    janus = await startJanus();
    // Two servers, each with its own fresh database: both number their first event 1.
    local = await startTestServer({ ...janus.env, LOG_LEVEL: 'error' });
    other = await startServerProcess({ ...janus.env, DATABASE_FILE: join(otherDir, 'other.sqlite') });
    servers.push(local, { url: other.url, endpoint: other.url });
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) await c.leaveAll();
    await local?.stop();
    await other?.stop();
    await janus?.stop();
    rmSync(otherDir, { recursive: true, force: true });
  });

  it('both start, each in a room of its own; a room left with the old id is no obstacle', async () => {
    const rooms = createJanusClient(janus.url, janus.apiSecret);
    // What a crashed server of the old kind left behind: the room the first event used to get.
    await rooms.createRoom(100_001, 'left over', 6, { pin: 'old', secret: 'someone-elses-secret' });

    const events = [];
    for (const [i, c] of clients.entries())
      events.push(await c.liveEvent(await signIn(servers[i]!.url, 'demo-host')));
    expect(events.map((e) => e.id)).toEqual([1, 1]);

    const stages = [];
    for (const [i, c] of clients.entries()) {
      const attendee = await c.join(events[i]!.id, `あい${i}`);
      stages.push(
        (await waitFor(() => attendee.inbox.find((m) => m.type === 'stage'), 5000, 'stage')).message,
      );
    }
    expect(stages.map((s) => s.mode)).toEqual(['sfu', 'sfu']);
    const [a, b] = stages.map((s) => Number(s.room));
    expect(a).not.toBe(b);
    for (const room of [a!, b!, 100_001]) expect(await rooms.exists(room)).toBe(true);
    // Each server's PIN opens only its own room.
    expect(stages[0]!.pin).not.toBe(stages[1]!.pin);

    // Ending one leaves the other briefing's room (and the leftover, which is not this hall's) alone.
    const host = await signIn(servers[0]!.url, 'demo-host');
    expect((await clients[0]!.post(`/api/events/${events[0]!.id}/end`, {}, host)).status).toBe(200);
    expect(await rooms.exists(a!)).toBe(false);
    expect(await rooms.exists(b!)).toBe(true);
    expect(await rooms.exists(100_001)).toBe(true);
  });

  it('a Janus that answers but refuses is told apart from one that cannot be reached', async () => {
    // Started with a wrong API secret: Janus answers every call with "unauthorized".
    const wrong = await startTestServer({
      ...janus.env,
      JANUS_API_SECRET: 'not-the-api-secret-of-this-janus',
      LOG_LEVEL: 'silent',
    });
    try {
      const c = briefingClients(() => wrong);
      const host = await signIn(wrong.url, 'demo-host');
      const event = (await (
        await c.post(
          '/api/events',
          {
            title: { ja: '説明会', en: 'Briefing' },
            description: { ja: '説明', en: 'About' },
            startsAt: new Date().toISOString(),
            endsAt: new Date(Date.now() + 3_600_000).toISOString(),
            capacity: 10,
          },
          host,
        )
      ).json()) as { id: number };
      const refused = await c.post(`/api/events/${event.id}/start`, {}, host);
      expect(refused.status).toBe(502);
      const body = (await refused.json()) as { error: string; message: string };
      expect(body.error).toBe('stageRefused');
      expect(body.message).toMatch(/unauthorized/i);
    } finally {
      await wrong.stop();
    }
  });
});
