import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { newVisitorToken } from '../support/visitorToken.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('reservations: slots, bookings, calendar files and check-in', () => {
  let server: TestServer;
  let staffCookie: string;
  const people: Participant[] = [];
  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always', LOG_LEVEL: 'error' });
    staffCookie = await signIn(server.url, 'demo-staff');
  });
  afterAll(async () => {
    for (const p of people) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  const call = (method: string, path: string, body?: unknown, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const publish = async (startsAt: string, capacity: number, counterId = 'shimin') => {
    const res = await call('POST', '/api/slots', { counterId, startsAt, minutes: 20, capacity }, staffCookie);
    expect(res.status).toBe(201);
    return (await res.json()) as { id: number; remaining: number };
  };
  const token = () => newVisitorToken(server.url);
  const book = async (slotId: number, nickname: string, visitorToken?: string) =>
    call('POST', '/api/bookings', {
      slotId,
      nickname,
      procedureId: 'tennyu-todoke',
      visitorToken: visitorToken ?? (await token()),
    });

  it('only staff publish slots, and not in the past', async () => {
    const body = { counterId: 'shimin', startsAt: inMinutes(60), minutes: 20, capacity: 2 };
    expect((await call('POST', '/api/slots', body)).status).toBe(401);
    const past = await call('POST', '/api/slots', { ...body, startsAt: inMinutes(-5) }, staffCookie);
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: string }).error).toBe('startsInPast');
    expect((await call('POST', '/api/slots', { ...body, counterId: 'nowhere' }, staffCookie)).status).toBe(
      400,
    );
    expect((await call('POST', '/api/slots', { ...body, capacity: 0 }, staffCookie)).status).toBe(400);
    expect((await call('GET', '/api/slots?counter=NOT%20AN%20ID')).status).toBe(400);
  });

  it('two residents booking the last place at once: exactly one wins', async () => {
    const slot = await publish(inMinutes(90), 1);
    const results = await Promise.all([book(slot.id, 'あや'), book(slot.id, 'Ben')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(((await loser.json()) as { error: string }).error).toBe('full');
    const slots = (await (await call('GET', '/api/slots?counter=shimin')).json()) as {
      id: number;
      remaining: number;
    }[];
    expect(slots.find((s) => s.id === slot.id)!.remaining).toBe(0);
  });

  it('no double booking by the same person; cancel with the code frees the place', async () => {
    const slot = await publish(inMinutes(120), 2);
    const me = await token();
    const first = await book(slot.id, 'ちえ', me);
    expect(first.status).toBe(201);
    const { code } = (await first.json()) as { code: string };
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const again = await book(slot.id, 'ちえ', me);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('alreadyBooked');
    expect((await call('DELETE', `/api/bookings/${code}`)).status).toBe(204);
    expect((await call('DELETE', `/api/bookings/${code}`)).status).toBe(409);
    expect((await call('DELETE', '/api/bookings/AAAA-AAAA')).status).toBe(404);
    expect((await call('DELETE', '/api/bookings/not-a-code')).status).toBe(400);
    expect((await book(slot.id, 'ちえ', me)).status).toBe(201);
  });

  it('the booking comes with a valid iCalendar file', async () => {
    const startsAt = inMinutes(150);
    const slot = await publish(startsAt, 3);
    const { code } = (await (await book(slot.id, 'だいき')).json()) as { code: string };
    const res = await call('GET', `/api/bookings/${code}/calendar.ics`);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const text = await res.text();
    expect(text).toMatch(/\r\n/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`booking-${code}@virtual-city-hall`);
    expect(event.summary).toContain('市民課');
    expect(event.startDate.toJSDate().toISOString()).toBe(
      new Date(startsAt).toISOString().replace(/\.\d+Z$/, '.000Z'),
    );
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(20 * 60_000);
    expect(event.description).toContain(code);
  });

  it('a booked resident who checks in goes ahead of walk-ins; wrong, early or reused codes are refused', async () => {
    const staff = await joinHall(server.endpoint, {
      nickname: 's',
      staffPass: await hallPass(server.url, staffCookie),
    });
    people.push(staff);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => staff.room.state.counters?.get('shimin')?.status === 'open', 5000, 'counter open');
    const walkIn = await joinHall(server.endpoint, { nickname: 'walk-in' });
    const booked = await joinHall(server.endpoint, { nickname: 'booked' });
    people.push(walkIn, booked);
    walkIn.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => walkIn.ticket()?.position === 1, 5000, 'walk-in first');

    const soon = await publish(inMinutes(10), 1);
    const later = await publish(inMinutes(240), 1);
    const code = ((await (await book(soon.id, 'booked', booked.visitorToken)).json()) as { code: string })
      .code;
    const early = ((await (await book(later.id, 'booked', booked.visitorToken)).json()) as { code: string })
      .code;

    booked.room.send(ClientMessage.checkIn, { code: 'ZZZZ-ZZZZ' });
    expect(await booked.refusal(ClientMessage.checkIn)).toBe('noSuchBooking');
    booked.room.send(ClientMessage.checkIn, { code: early });
    expect(await booked.refusal(ClientMessage.checkIn)).toBe('tooEarly');
    booked.room.send(ClientMessage.checkIn, { code: code.toLowerCase().replace('-', '') });
    await waitFor(() => booked.ticket()?.position === 1, 5000, 'booked resident first');
    await waitFor(() => walkIn.ticket()?.position === 2, 5000, 'walk-in second');
    expect(staff.queue()!.entries.find((e) => e.status === 'waiting' && e.booked)).toBeDefined();
    booked.room.send(ClientMessage.leaveQueue, {});
    await waitFor(() => booked.ticket() === null, 5000, 'left');
    booked.room.send(ClientMessage.checkIn, { code });
    expect(await booked.refusal(ClientMessage.checkIn)).toBe('notBooked');
  });

  // On PostgreSQL (a pool of connections) the two check-ins interleave; without the conditional update
  // both got a priority number there.
  it('one code checked in from two places at once: one number, the other refused', async () => {
    const [a, b] = [
      await joinHall(server.endpoint, { nickname: 'a' }),
      await joinHall(server.endpoint, { nickname: 'b' }),
    ];
    people.push(a, b);
    const slot = await publish(inMinutes(5), 1);
    const code = ((await (await book(slot.id, 'a', a.visitorToken)).json()) as { code: string }).code;
    a.room.send(ClientMessage.checkIn, { code });
    b.room.send(ClientMessage.checkIn, { code, nickname: 'a' });
    const outcome = (p: Participant) =>
      waitFor(
        () => (p.ticket() ? 'number' : p.errors.find((e) => e.type === ClientMessage.checkIn)?.code),
        5000,
        'a number or a refusal',
      );
    expect([await outcome(a), await outcome(b)].sort()).toEqual(['notBooked', 'number']);
  });

  it('a code alone checks in only in the browser that booked; elsewhere the booked name is needed', async () => {
    const booker = await joinHall(server.endpoint, { nickname: 'ﾔﾏﾀﾞ' });
    const stranger = await joinHall(server.endpoint, { nickname: 'stranger' });
    const phone = await joinHall(server.endpoint, { nickname: 'on the phone' });
    people.push(booker, stranger, phone);
    const slot = await publish(inMinutes(10), 1);
    const code = ((await (await book(slot.id, 'ﾔﾏﾀﾞ', booker.visitorToken)).json()) as { code: string }).code;
    // Someone who read the code over the resident's shoulder gets nothing, and the booking stays open.
    stranger.room.send(ClientMessage.checkIn, { code });
    expect(await stranger.refusal(ClientMessage.checkIn)).toBe('notHolder');
    stranger.room.send(ClientMessage.checkIn, { code, nickname: 'ヤマダさん' });
    await waitFor(() => stranger.errors.filter((e) => e.code === 'notHolder').length === 2, 5000, 'refused');
    expect(((await (await call('GET', `/api/bookings/${code}`)).json()) as { status: string }).status).toBe(
      'booked',
    );
    // The resident on another device gives the name as they booked it (full-width this time): a number.
    phone.room.send(ClientMessage.checkIn, { code, nickname: 'ヤマダ' });
    await waitFor(() => phone.ticket()?.counterId === 'shimin', 5000, 'checked in from the phone');
    expect(stranger.ticket() ?? null).toBeNull();
  });
});
