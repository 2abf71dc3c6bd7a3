import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinResident, walkAlong, type Resident, WIRE_STEP_M } from './sdkClients.ts';
import { signIn } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';
import type { EventView } from '../../shared/protocol/index.ts';

const SEAT = 'aud-left-7-6';

describe('sitting in the auditorium: walk up, sit, keep the seat in the briefing', () => {
  let server: TestServer;
  let a: Resident, b: Resident;
  const seat = getHall().seats.find((s) => s.id === SEAT)!;
  const clients = briefingClients(() => server);
  const { post, join, me } = clients;
  const seatOf = (r: Resident, who: Resident) => r.room.state.avatars.get(who.room.sessionId)?.seat;
  const refusedWith = (r: Resident, code: string) =>
    waitFor(() => r.errors.find((e) => e.type === 'sit' && e.code === code), 5000, `sit refused: ${code}`);

  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'error' });
    a = await joinResident(server.endpoint, 'あい');
    b = await joinResident(server.endpoint, 'ぶん');
  });
  afterAll(async () => {
    await clients.leaveAll();
    for (const r of [a, b]) await r?.room.leave().catch(() => {});
    await server?.stop();
  });

  it('a seat is taken only by someone standing at it, and only by one person', async () => {
    a.room.send('sit', { seatId: SEAT });
    await refusedWith(a, 'notAtSeat');
    a.room.send('sit', { seatId: 'aud-nowhere-1-1' });
    await refusedWith(a, 'noSuchSeat');
    a.room.send('sit', { seatId: 'Robert"); DROP' });
    await refusedWith(a, 'invalidMessage');

    await walkAlong(a, { x: seat.at[0], z: seat.at[1] + 0.5 });
    a.room.send('sit', { seatId: SEAT });
    await waitFor(() => seatOf(b, a) === SEAT || seatOf(a, a) === SEAT, 5000, 'seated');
    expect(a.self().area).toBe('auditorium');
    expect(Math.abs(a.self().x - seat.at[0])).toBeLessThan(WIRE_STEP_M);
    expect(Math.abs(a.self().z - seat.at[1])).toBeLessThan(WIRE_STEP_M);

    await walkAlong(b, { x: seat.at[0] + 0.4, z: seat.at[1] + 0.5 });
    b.room.send('sit', { seatId: SEAT });
    await refusedWith(b, 'seatTaken');
  });

  it('walking away stands up; the briefing keeps the seat the resident sat on', async () => {
    await walkAlong(a, { x: seat.at[0] + 1.5, z: seat.at[1] + 0.6 });
    await waitFor(() => seatOf(a, a) === '', 5000, 'stood up');
    b.room.send('sit', { seatId: SEAT });
    await waitFor(() => seatOf(b, b) === SEAT, 5000, 'b seated');

    const host = await signIn(server.url, 'demo-host');
    const created = await post(
      '/api/events',
      {
        title: { ja: '防災講座', en: 'Disaster class' },
        description: { ja: '備蓄', en: 'Supplies' },
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 20,
      },
      host,
    );
    const event = (await created.json()) as EventView;
    await post(`/api/events/${event.id}/start`, {}, host);
    const first = await join(event.id, 'ちか');
    expect(me(first).seat).not.toBe(SEAT);
    // Claiming a seat one does not sit on in the hall gets the next free seat instead.
    const claimer = await join(event.id, 'あい', undefined, { seat: SEAT, visitorToken: a.visitorToken() });
    expect(me(claimer).seat).not.toBe(SEAT);
    const noToken = await join(event.id, 'なし', undefined, { seat: SEAT });
    expect(me(noToken).seat).not.toBe(SEAT);
    const kept = await join(event.id, 'ぶん', undefined, { seat: SEAT, visitorToken: b.visitorToken() });
    await waitFor(() => me(kept).seat === SEAT, 5000, 'kept the seat');
  });
});
