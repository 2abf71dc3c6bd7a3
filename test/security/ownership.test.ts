import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { signIn } from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import type { EventView } from '../../shared/protocol/index.ts';

/** A one-pixel PNG: a valid slide page. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Hosts run their own briefings only; admins run all of them. */
describe('one host acting on another host’s briefing', () => {
  let server: TestServer;
  const clients = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('is refused for start, end and slides; the event’s own host and an admin may', async () => {
    const admin = await signIn(server.url, 'demo-admin');
    const made = await clients.post(
      '/api/staff/accounts',
      { username: 'other-host', displayName: '別の主催者', role: 'host', password: 'another long password' },
      admin,
    );
    expect(made.status).toBe(201);
    const owner = await signIn(server.url, 'demo-host');
    const other = await signIn(server.url, 'other-host', 'another long password');
    const created = await clients.post(
      '/api/events',
      {
        title: { ja: '防災説明会', en: 'Disaster preparedness' },
        description: { ja: '避難所', en: 'Shelters' },
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 10,
        presenters: ['demo-host'],
      },
      owner,
    );
    const event = (await created.json()) as EventView;
    const deck = { pages: [{ type: 'image/png', data: PNG, text: 'やられた' }] };

    for (const [method, path, body] of [
      ['post', `/api/events/${event.id}/start`, {}],
      ['put', `/api/events/${event.id}/slides`, deck],
      ['post', `/api/events/${event.id}/end`, {}],
    ] as const) {
      const res = await clients[method](path, body, other);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    // Nothing changed: still scheduled, no slides.
    expect(((await (await fetch(`${server.url}/api/events/${event.id}`)).json()) as EventView).status).toBe(
      'scheduled',
    );
    expect(await (await fetch(`${server.url}/api/events/${event.id}/slides`)).json()).toEqual([]);

    expect((await clients.post(`/api/events/${event.id}/start`, {}, owner)).status).toBe(200);
    expect((await clients.put(`/api/events/${event.id}/slides`, deck, owner)).status).toBe(200);
    expect((await clients.post(`/api/events/${event.id}/end`, {}, admin)).status).toBe(200);
  });
});
