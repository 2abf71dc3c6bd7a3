import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn } from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { newVisitorToken } from '../support/visitorToken.ts';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * The HTTP API under scripts: bookings, booking-code guesses and slide uploads are counted, each
 * refusal a 429 `rateLimited` with a reason, and other addresses (or accounts) are not affected. Each
 * address is its own visitor (the server trusts X-Forwarded-For, as behind a proxy).
 */
describe('rate limits on the HTTP API', () => {
  let server: TestServer;
  let staff: string;
  const clients = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: 'on',
      OPENING_HOURS: 'always',
      BOOKINGS_PER_ADDRESS: '3',
      BOOKING_CODE_MISSES_PER_ADDRESS: '5',
    });
    staff = await signIn(server.url, 'demo-staff');
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const publish = async (minutesAhead: number) =>
    (await (
      await fetch(`${server.url}/api/slots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: staff },
        body: JSON.stringify({
          counterId: 'shimin',
          startsAt: new Date(Date.now() + minutesAhead * 60_000).toISOString(),
          minutes: 20,
          capacity: 10,
        }),
      })
    ).json()) as { id: number };
  const book = async (slotId: number, address: string, visitorToken?: string) =>
    fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from(address) },
      body: JSON.stringify({
        slotId,
        nickname: 'よやく',
        visitorToken: visitorToken ?? (await newVisitorToken(server.url, from(address))),
      }),
    });

  it('bookings from one address: 3 an hour; a refused one does not count; elsewhere unaffected', async () => {
    const slots = await Promise.all([publish(60), publish(90), publish(120), publish(150)]);
    const me = await newVisitorToken(server.url, from('203.0.113.20'));
    expect((await book(slots[0]!.id, '203.0.113.20', me)).status).toBe(201);
    // The same person again for the same slot: refused, and it costs nothing.
    expect((await book(slots[0]!.id, '203.0.113.20', me)).status).toBe(409);
    expect((await book(slots[1]!.id, '203.0.113.20')).status).toBe(201);
    expect((await book(slots[2]!.id, '203.0.113.20')).status).toBe(201);
    const fourth = await book(slots[3]!.id, '203.0.113.20');
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({ error: 'rateLimited', message: /too many bookings/ });
    expect((await book(slots[3]!.id, '198.51.100.20')).status).toBe(201);
  });

  it('wrong booking codes: 5 per address, then every code lookup from it pauses, in the hall too', async () => {
    const slot = await publish(10);
    const real = ((await (await book(slot.id, '198.51.100.21')).json()) as { code: string }).code;
    const guesser = from('203.0.113.21');
    const lookup = (code: string, headers = guesser) =>
      fetch(`${server.url}/api/bookings/${code}`, { headers });
    // Twelve guesses at once: only the five the allowance has reach the database.
    const burst = await Promise.all(
      ['AAAA', 'BBBB', 'CCCC', 'DDDD', 'EEEE', 'FFFF', 'GGGG', 'HHHH', 'JJJJ', 'KKKK', 'MMMM', 'NNNN'].map(
        (x) => lookup(`${x}-${x}`),
      ),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(5).fill(404), ...Array(7).fill(429)]);
    const paused = await lookup(real);
    expect(paused.status).toBe(429);
    expect(await paused.json()).toMatchObject({ error: 'rateLimited', message: /wrong booking codes/ });
    expect(
      (await fetch(`${server.url}/api/bookings/${real}`, { method: 'DELETE', headers: guesser })).status,
    ).toBe(429);
    // Checking in from the hall at that address is paused as well; the booking is untouched.
    const counterStaff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, staff),
    });
    counterStaff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const inHall = await joinHall(server.endpoint, { nickname: 'あて推量' }, guesser);
    const refusal = inHall.refusal(ClientMessage.checkIn);
    inHall.room.send(ClientMessage.checkIn, { code: real });
    expect(await refusal).toBe('rateLimited');
    // The holder, elsewhere, still sees it booked; the name it was booked under is not shown to a code.
    const own = await lookup(real, from('198.51.100.21'));
    const view = (await own.json()) as { status: string };
    expect(view.status).toBe('booked');
    expect(view).not.toHaveProperty('nickname');
    expect(JSON.stringify(view)).not.toContain('よやく');

    // With the right code, guessing the name it was booked under counts as guessing too.
    const nameGuesser = await joinHall(server.endpoint, { nickname: 'なまえ当て' }, from('203.0.113.22'));
    for (let i = 0; i < 5; i++) {
      const refused = nameGuesser.refusal(ClientMessage.checkIn);
      nameGuesser.room.send(ClientMessage.checkIn, { code: real, nickname: `名前${i}` });
      expect(await refused).toBe('notHolder');
    }
    const sixth = nameGuesser.refusal(ClientMessage.checkIn);
    nameGuesser.room.send(ClientMessage.checkIn, { code: real, nickname: 'よやく' });
    expect(await sixth).toBe('rateLimited');
    await nameGuesser.room.leave();
    await inHall.room.leave();
    await counterStaff.room.leave();
  });

  it('slide uploads: 30 an hour per account, then refused with a reason', async () => {
    const host = await signIn(server.url, 'demo-host');
    const event = await clients.liveEvent(host);
    const upload = () =>
      fetch(`${server.url}/api/events/${event.id}/slides`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: host },
        body: JSON.stringify({ pages: [{ type: 'image/png', data: PNG, text: '表紙' }] }),
      });
    for (let i = 0; i < 30; i++) expect((await upload()).status).toBe(200);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rateLimited', message: /slide uploads/ });
  });
});
