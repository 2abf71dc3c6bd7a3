import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import type { TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { HALL_ROOM } from '../../shared/constants.ts';
import { enterConsultation, hallOfTwoPerRoom, joinHall, type Participant } from './staffQueue.ts';

const hallRooms = async () => (await matchMaker.query({ name: HALL_ROOM })).length;
const as = (ip: string) => ({ 'x-forwarded-for': ip });

/**
 * Two people per hall room, so three make two rooms: the desk is nobody's room, so residents of the
 * second room are served by staff in the first, and nobody's ticket lapses while they are in any room.
 * Behind a trusted proxy (TRUST_PROXY=on) each client gets its own address from X-Forwarded-For.
 */
describe('one desk for every hall room', () => {
  let server: TestServer;
  let staff: Participant;
  let aki: Participant;
  let ben: Participant;
  const open: Participant[] = [];

  beforeAll(async () => {
    ({
      server,
      staff,
      residents: [aki, ben],
    } = await hallOfTwoPerRoom({ TICKET_GRACE_S: '2' }, ['あき', 'ベン'], '10.0.0'));
    open.push(staff, aki, ben);
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  it('three people make two hall rooms, numbered, each knowing how many are in the building', async () => {
    expect(staff.room.roomId).toBe(aki.room.roomId);
    expect(ben.room.roomId).not.toBe(staff.room.roomId);
    expect(await hallRooms()).toBe(2);
    await waitFor(() => staff.room.state.hall === 1 && ben.room.state.hall === 2, 5000, 'hall numbers');
    await waitFor(
      () => [staff, aki, ben].every((p) => p.room.state.building === 3),
      5000,
      'building population in both rooms',
    );
    expect(ben.room.state.population).toBe(1);
  });

  it('staff on duty in the first room are seen, with their counter, in the second', async () => {
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(
      () => ben.room.state.counters.get('shimin')?.status === 'open',
      5000,
      'counter open in room 2',
    );
    expect(ben.room.state.counters.get('shimin')!.staffOnDuty).toBe(1);
    const mirrored = () =>
      [...ben.room.state.avatars.values()].find((a) => a.role === 'staff' && a.counterId === 'shimin');
    await waitFor(mirrored, 5000, 'the staff member at counter 1, seen from room 2');
    expect(mirrored()!.nickname).toBe('佐藤 (Sato)');
  });

  it('a resident in the second room is called by staff in the first and both meet in the room', async () => {
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => ben.ticket()?.status === 'waiting', 5000, 'ben holds a number');
    await waitFor(() => staff.queue()?.entries.length === 1, 5000, 'staff see ben in their queue');
    expect(staff.queue()!.entries[0]!.residentPresent).toBe(true);
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => ben.ticket()?.status === 'called', 5000, 'ben called');
    ben.room.send(ClientMessage.answerCall, {});
    const [benSide, staffSide] = await Promise.all([enterConsultation(ben), enterConsultation(staff)]);
    await waitFor(() => staffSide.state.participants?.size === 2, 5000, 'both in the consultation room');
    await waitFor(
      () => ben.room.state.avatars.get(ben.room.sessionId)?.consulting === true,
      5000,
      'ben shown consulting in room 2',
    );
    staffSide.send('end', {});
    await waitFor(() => staff.queue()?.current === null, 5000, 'finished');
    await benSide.leave();
    await staffSide.leave();
  });

  it('a resident connected to the second room keeps their number past TICKET_GRACE_S; one gone loses it', async () => {
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(
      () => aki.ticket()?.status === 'waiting' && ben.ticket()?.status === 'waiting',
      5000,
      'numbers',
    );
    // Aki's connection goes for good; Ben stays in room 2 while the desk ticks past the grace time.
    aki.room.reconnection.enabled = false;
    await aki.room.leave();
    open.splice(open.indexOf(aki), 1);
    // Aki's lapses once the grace is over; Ben took his at the same moment and still holds it.
    await waitFor(() => staff.queue()?.entries.length === 1, 8000, "aki's ticket lapsed");
    expect(ben.ticket()?.status).toBe('waiting');
    expect(staff.queue()!.entries[0]!.number).toBe(ben.ticket()!.number);
  });

  it('clients cannot open hall rooms, and reservations without connecting cannot lock anyone out', async () => {
    const before = await hallRooms();
    await expect(
      new Client(server.endpoint).create(HALL_ROOM, { nickname: 'x', color: '#1971c2', lang: 'ja' }),
    ).rejects.toThrow(/invalid method "create"/);
    // One address reserves seats over HTTP and never connects: after a few, it is refused.
    const reserve = () =>
      fetch(`${server.url}/matchmake/joinOrCreate/${HALL_ROOM}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...as('10.6.6.6') },
        body: JSON.stringify({ nickname: 'flood', color: '#1971c2', lang: 'ja' }),
      });
    const statuses = await Promise.all(
      Array.from({ length: 30 }, reserve).map((p) => p.then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200).length).toBe(4);
    expect(statuses.filter((s) => s === 429).length).toBe(26);
    // Four reservations fill at most two more rooms for a few seconds; a real resident still gets in.
    expect(await hallRooms()).toBeLessThanOrEqual(before + 2);
    const cem = await joinHall(server.endpoint, { nickname: 'セム' }, as('10.0.0.4'));
    open.push(cem);
    expect(cem.room.state.building).toBeGreaterThan(0);
  });
});
