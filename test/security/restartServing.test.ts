import { describe, expect, it } from 'vitest';
import { enterConsultation } from '../integration/staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';
import { restartableHall } from '../support/restartableHall.ts';

/**
 * A restart (one process, SQLite) in the middle of a consultation: the ticket comes back as `serving`
 * with no room. Both people ask for a seat again, one after the other, and meet in a room opened anew;
 * the consultation can be ended, so the counter is free again.
 */
describe('a consultation in progress across a restart', () => {
  const hall = restartableHall();

  it('both return to it after the restart, one after the other, and it can be ended', async () => {
    await hall.start();
    const staff = await hall.staff();
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const res = await hall.join({ nickname: 'さいき' });
    res.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => res.ticket()?.status === 'waiting', 5000, 'a number');
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => res.ticket()?.status === 'called', 5000, 'called');
    res.room.send(ClientMessage.answerCall, {});
    const [r1, s1] = await Promise.all([enterConsultation(res), enterConsultation(staff)]);
    await waitFor(() => s1.state.participants?.size === 2, 5000, 'both in the room');
    const number = res.ticket()!.number;

    await hall.start();
    void r1.leave().catch(() => {});
    void s1.leave().catch(() => {});

    // The resident comes back first (same tab token), finds the ticket being served, and asks for a seat.
    const back = await hall.join({ nickname: 'さいき', visitorToken: res.visitorToken! });
    await waitFor(() => back.ticket()?.status === 'serving', 5000, 'the ticket still being served');
    expect(back.ticket()!.number).toBe(number);
    // Giving up a number being served is refused: the way out is the consultation itself.
    back.room.send(ClientMessage.leaveQueue, {});
    expect(await back.refusal(ClientMessage.leaveQueue)).toBe('noTicket');
    back.room.send(ClientMessage.rejoinConsultation, {});
    const r2 = await enterConsultation(back);

    // The staff member signs in again a little later, is back at the counter with the ticket, and joins.
    const staff2 = await hall.staff();
    await waitFor(() => staff2.queue()?.current?.number === number, 5000, 'the console shows the ticket');
    staff2.room.send(ClientMessage.rejoinConsultation, {});
    const s2 = await enterConsultation(staff2);
    await waitFor(() => s2.state.participants?.size === 2, 5000, 'both in the new room');
    expect(r2.roomId).toBe(s2.roomId);

    s2.send('end', {});
    await waitFor(() => r2.state.ended === 'done', 5000, 'ended');
    await waitFor(() => staff2.queue()?.current === null, 5000, 'the counter is free');
    await waitFor(() => back.ticket() === null, 5000, 'the resident holds no number any more');
  });
});
