import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import {
  enterConsultation,
  hallOfTwoPerRoom,
  hallPass,
  joinHall,
  signIn,
  type Participant,
} from './staffQueue.ts';

const as = (ip: string) => ({ 'x-forwarded-for': ip });

/**
 * The called-number board of each counter, in every hall room: the numbers called or being served there
 * (latest first, at most three) next to how many wait. Two people per room, so the staff member and the
 * residents are spread over two rooms and the board reaches both.
 */
describe('number boards', () => {
  let server: TestServer;
  let staff: Participant;
  let aki: Participant;
  let ben: Participant;
  let cho: Participant;
  const everyone = () => [staff, aki, ben, cho];
  const board = (p: Participant, counterId = 'shimin') => p.room.state.counters.get(counterId);
  const boardsShow = (calling: string, waiting: number, what: string) =>
    waitFor(
      () => everyone().every((p) => board(p)?.calling === calling && board(p)?.waiting === waiting),
      5000,
      `every room's board showing "${calling}" with ${waiting} waiting (${what})`,
    );

  beforeAll(async () => {
    ({
      server,
      staff,
      residents: [aki, ben, cho],
    } = await hallOfTwoPerRoom({}, ['あき', 'ベン', 'ちょう'], '10.1.0'));
  });
  afterAll(async () => {
    for (const p of everyone()) await p?.room.leave().catch(() => {});
    await server?.stop();
  });

  it('a call appears on the board in both hall rooms, and a no-show leaves it', async () => {
    expect(new Set(everyone().map((p) => p.room.roomId)).size).toBe(2);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => board(cho)?.status === 'open', 5000, 'counter 1 open in room 2');
    expect(board(cho)!.calling).toBe('');

    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => aki.ticket()?.status === 'waiting', 5000, 'aki holds a number');
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => ben.ticket()?.status === 'waiting', 5000, 'ben holds a number');
    await boardsShow('', 2, 'two waiting, none called');

    staff.room.send(ClientMessage.callNext, {});
    const first = aki.ticket()!.number;
    await boardsShow(String(first), 1, 'the first number called');
    expect(aki.ticket()?.status).toBe('called');
    // Only numbers are public: nobody's name is on any counter's state.
    for (const c of cho.room.state.counters.values()) expect(c.calling).toMatch(/^(\d+(,\d+)*)?$/);
    // Other counters' boards stay empty.
    expect(board(cho, 'shiminzei')?.calling).toBe('');

    staff.room.send(ClientMessage.markNoShow, { ticketId: aki.ticket()!.id });
    await boardsShow('', 1, 'the no-show gone from the board');
  });

  it('a number being served stays on the board until the consultation ends', async () => {
    staff.room.send(ClientMessage.callNext, {});
    const second = ben.ticket()!.number;
    await boardsShow(String(second), 0, 'the second number called');
    ben.room.send(ClientMessage.answerCall, {});
    const [benSide, staffSide] = await Promise.all([enterConsultation(ben), enterConsultation(staff)]);
    await waitFor(() => ben.ticket()?.status === 'serving', 5000, 'ben being served');
    expect(board(cho)!.calling).toBe(String(second));

    staffSide.send('end', {});
    await boardsShow('', 0, 'the consultation over');
    await benSide.leave();
    await staffSide.leave();
  });

  it('residents cannot call a number: staff messages are refused and the boards do not change', async () => {
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await boardsShow('', 1, 'aki waiting');
    // A forged call (a staff message from a resident), one with extra fields, and a made-up message.
    ben.room.send(ClientMessage.callNext, {});
    expect(await ben.refusal(ClientMessage.callNext)).toBe('forbidden');
    ben.room.send(ClientMessage.callNext, { number: 999, counterId: 'shimin', role: 'staff' });
    expect(await ben.refusal(ClientMessage.callNext)).toBe('invalidMessage');
    ben.room.send('calling', { counterId: 'shimin', calling: '999' });
    expect(await ben.refusal('calling')).toBe('unknownMessage');
    aki.room.send(ClientMessage.markNoShow, { ticketId: aki.ticket()!.id });
    expect(await aki.refusal(ClientMessage.markNoShow)).toBe('forbidden');
    // A real change made after them: the patch that carries it carries whatever they had changed too.
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await boardsShow('', 2, 'ben waiting as well, nobody called');
    for (const p of everyone()) expect([board(p)!.calling, board(p)!.waiting]).toEqual(['', 2]);
    expect(aki.ticket()?.status).toBe('waiting');
    ben.room.send(ClientMessage.leaveQueue, {});
    await boardsShow('', 1, 'ben gone from the queue again');
  });

  it('three staff at one counter call in turn: the latest call comes first on every board', async () => {
    const numbers = [aki.ticket()!.number];
    for (const p of [ben, cho]) {
      p.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
      await waitFor(() => p.ticket()?.status === 'waiting', 5000, 'a number');
      numbers.push(p.ticket()!.number);
    }
    // Admins may work counters too: three people, each handling one number at a time.
    const helpers: Participant[] = [];
    for (const [i, name] of ['demo-staff2', 'demo-admin'].entries()) {
      const cookie = await signIn(server.url, name);
      const h = await joinHall(
        server.endpoint,
        { nickname: 'y', staffPass: await hallPass(server.url, cookie) },
        as(`10.1.1.${i + 1}`),
      );
      helpers.push(h);
      h.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
      await waitFor(() => h.queue()?.counterId === 'shimin', 5000, `${name} at counter 1`);
    }
    try {
      const called: number[] = [];
      for (const c of [staff, ...helpers]) {
        c.room.send(ClientMessage.callNext, {});
        await waitFor(() => c.queue()?.current?.status === 'called', 5000, 'a call');
        called.unshift(c.queue()!.current!.number);
        await boardsShow(called.join(','), numbers.length - called.length, 'the latest call first');
      }
      expect(called).toEqual([...numbers].reverse());
    } finally {
      for (const h of helpers) await h.room.leave().catch(() => {});
    }
  });
});
