import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn } from '../integration/staffQueue.ts';
import { waitFor } from '../support/waitFor.ts';
import { newVisitorToken } from '../support/visitorToken.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import type { EventView } from '../../shared/protocol/index.ts';

/** A one-pixel PNG: a valid slide page. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Hosts run their own briefings only, staff see the bookings of the counter they work; admins all. */
describe('acting on what is someone else’s', () => {
  let server: TestServer;
  const clients = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always' });
  });
  afterAll(() => server?.stop());

  it('a host acting on another host’s briefing is refused for start, end and slides; its own host and an admin may', async () => {
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

  it('who booked a slot (nicknames, contacts) is for staff on duty at its counter and admins only', async () => {
    const sato = await signIn(server.url, 'demo-staff');
    const suzuki = await signIn(server.url, 'demo-staff2');
    const admin = await signIn(server.url, 'demo-admin');
    const slot = (await (
      await clients.post(
        '/api/slots',
        {
          counterId: 'shimin',
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          minutes: 20,
          capacity: 5,
        },
        sato,
      )
    ).json()) as { id: number };
    await clients.post('/api/bookings', {
      slotId: slot.id,
      nickname: 'あき',
      procedureId: null,
      contact: '090-1234-5678',
      visitorToken: await newVisitorToken(server.url),
    });
    const list = (cookie: string) =>
      fetch(`${server.url}/api/slots/${slot.id}/bookings`, { headers: { cookie } });
    // Nobody works the counter yet: staff see nothing, the admin sees the booking.
    expect((await list(sato)).status).toBe(403);
    expect(await (await list(admin)).json()).toMatchObject([{ nickname: 'あき', contact: '090-1234-5678' }]);
    // Sato takes the counter in the hall: now Sato sees it, Suzuki (not at that counter) still does not.
    const inHall = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, sato),
    });
    inHall.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => inHall.room.state.counters.get('shimin')?.status === 'open', 5000, 'counter open');
    expect((await list(sato)).status).toBe(200);
    expect((await list(suzuki)).status).toBe(403);
    expect(
      (await fetch(`${server.url}/api/slots/999999/bookings`, { headers: { cookie: sato } })).status,
    ).toBe(404);
    await inHall.room.leave();
  });
});
