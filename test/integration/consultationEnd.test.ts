import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@colyseus/sdk';
import type { ConsultationState } from '../../shared/state/consultationState.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { dropSocket } from '../support/dropSocket.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { enterConsultation, hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';

/**
 * Ending a consultation from its room finishes the ticket (so the console is free for the next person),
 * and a reload in the middle brings both back: the staff member to their counter, either into the room.
 */
describe('ending and resuming a consultation', () => {
  let server: TestServer;
  let staff: Participant;
  let cookie: string;
  const open: Participant[] = [];

  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always', LOG_LEVEL: 'error' });
    cookie = await signIn(server.url, 'demo-staff');
    staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, cookie),
    });
    open.push(staff);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => staff.queue()?.counterId === 'shimin', 5000, 'staff at counter 1');
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  /** A resident takes a number, is called, answers; both join the room. */
  async function consult(nickname: string) {
    const res = await joinHall(server.endpoint, { nickname });
    open.push(res);
    res.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => res.ticket()?.status === 'waiting', 5000, 'a number');
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => res.ticket()?.status === 'called', 5000, 'called');
    const invitesBefore = staff.invites.length;
    res.room.send(ClientMessage.answerCall, {});
    await waitFor(() => staff.invites.length > invitesBefore, 5000, 'a new invite for the staff member');
    const [resRoom, staffRoom] = await Promise.all([enterConsultation(res), enterConsultation(staff)]);
    await waitFor(() => staffRoom.state.participants?.size === 2, 5000, 'both in the room');
    await waitFor(() => staff.queue()?.current?.status === 'serving', 5000, 'serving');
    return { res, resRoom, staffRoom, ticketId: res.ticket()!.id };
  }

  const leaveRooms = async (...rooms: Room<unknown, ConsultationState>[]) => {
    for (const r of rooms) await r.leave().catch(() => {});
  };

  it('staff ending it in the room finishes the ticket: the console offers the next person', async () => {
    const { res, resRoom, staffRoom } = await consult('おわり');
    staffRoom.send('end', {});
    await waitFor(() => resRoom.state.ended === 'done', 5000, 'the room ended');
    await waitFor(() => staff.queue()?.current === null, 5000, 'nothing current at the console');
    await waitFor(() => res.ticket() === null, 5000, 'the resident holds no number');
    // Ending twice, or the rating before the end, changes nothing; the consultation stays ended.
    staffRoom.send('end', {});
    staffRoom.send('chat', { text: 'まだ話せますか' });
    await waitFor(() => staffRoom.state.lines.length === 0, 1000, 'no chat after the end');
    // Calling the next person is possible at once (the queue is empty, so that is the refusal).
    staff.room.send(ClientMessage.callNext, {});
    expect(await staff.refusal(ClientMessage.callNext)).toBe('queueEmpty');
    await leaveRooms(resRoom, staffRoom);
  });

  it('the resident ending it leaves finishing (or transferring) to the staff member', async () => {
    const { res, resRoom, staffRoom, ticketId } = await consult('たいしつ');
    resRoom.send('end', {});
    await waitFor(() => staffRoom.state.ended === 'left', 5000, 'the room ended by the resident');
    expect(staff.queue()?.current).toMatchObject({ id: ticketId, status: 'serving' });
    // The staff member may still pass them on: the resident's leaving did not take that away.
    staff.room.send(ClientMessage.transfer, { ticketId, toCounterId: 'kokuho-nenkin', note: '' });
    await waitFor(() => staff.queue()?.current === null, 5000, 'transferred');
    await waitFor(() => res.ticket()?.counterId === 'kokuho-nenkin', 5000, 'waiting at counter 2');
    res.room.send(ClientMessage.leaveQueue, {});
    await waitFor(() => res.ticket() === null, 5000, 'gave up the number');
    await leaveRooms(resRoom, staffRoom);
  });

  it('a reload in the middle: staff come back to their counter, both come back into the room', async () => {
    const { res, resRoom, staffRoom, ticketId } = await consult('リロード');
    const residentToken = resRoom.reconnectionToken;
    const staffToken = staffRoom.reconnectionToken;
    const drop = (r: Room<unknown, ConsultationState>) => {
      r.reconnection.enabled = false;
      dropSocket(r);
    };
    // A page that went away is not left politely at the end.
    const gone = (p: Participant) => open.splice(open.indexOf(p), 1);
    // The resident's page goes away (a reload): a new hall session with the same resume token.
    gone(res);
    drop(resRoom);
    dropSocket(res.room);
    res.room.reconnection.enabled = false;
    const back = await joinHall(server.endpoint, { nickname: 'リロード', visitorToken: res.visitorToken });
    open.push(back);
    await waitFor(() => back.ticket()?.id === ticketId, 5000, 'the same ticket, still being served');
    expect(back.ticket()!.status).toBe('serving');
    await waitFor(
      () => back.room.state.avatars.get(back.room.sessionId)?.consulting === true,
      5000,
      'shown as consulting again',
    );
    const resAgain = await back.client.reconnect<ConsultationState>(residentToken);
    expect(resAgain.sessionId).toBe(resRoom.sessionId);
    await waitFor(
      () => [...staffRoom.state.participants.values()].every((p) => p.connected),
      5000,
      'the resident back in the room',
    );
    // A forged or spent reconnection token gets nobody in.
    const [roomId] = residentToken.split(':');
    await expect(back.client.reconnect(`${roomId}:forged-token`)).rejects.toThrow();

    // The staff member reloads: a new hall pass, a new hall session, back at counter 1 with this ticket.
    gone(staff);
    drop(staffRoom);
    staff.room.reconnection.enabled = false;
    dropSocket(staff.room);
    const staffBack = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, cookie),
    });
    open.push(staffBack);
    await waitFor(() => staffBack.queue()?.counterId === 'shimin', 5000, 'back at counter 1');
    expect(staffBack.queue()!.current).toMatchObject({ id: ticketId, status: 'serving' });
    const staffAgain = await staffBack.client.reconnect<ConsultationState>(staffToken);
    staffAgain.send('chat', { text: 'おかえりなさい' });
    await waitFor(() => resAgain.state.lines?.length === 1, 5000, 'chat after both came back');
    staffAgain.send('end', {});
    await waitFor(() => staffBack.queue()?.current === null, 5000, 'finished from the room');
    staff = staffBack;
    await leaveRooms(resAgain, staffAgain);
  });
});
