import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { enterConsultation, hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { INFO_DESK_ID } from '../../shared/layout/infoDeskCounter.ts';

const CONVERSATION = [
  { from: 'resident', text: '犬を飼い始めました。何か届け出はいりますか' },
  { from: 'guide', text: '申し訳ありません。お答えできる情報が見つかりませんでした。' },
] as const;

describe('the guide hands a resident over to guide staff at the information desk', () => {
  let server: TestServer;
  const open: Participant[] = [];
  const staffIn = async (username: string) => {
    const cookie = await signIn(server.url, username);
    const p = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, cookie),
    });
    open.push(p);
    return p;
  };
  const desk = (p: Participant) => p.room.state.counters?.get(INFO_DESK_ID);

  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always', LOG_LEVEL: 'error' });
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await server.stop();
  });

  it('only guides (and admins) work the desk, and guides no counter', async () => {
    const sato = await staffIn('demo-staff');
    sato.room.send(ClientMessage.takeCounter, { counterId: INFO_DESK_ID });
    expect(await sato.refusal(ClientMessage.takeCounter)).toBe('forbidden');
    const tanaka = await staffIn('demo-guide');
    tanaka.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    expect(await tanaka.refusal(ClientMessage.takeCounter)).toBe('forbidden');
    // Nobody at the desk: it is closed, and a hand-over is refused with the reason.
    const resident = await joinHall(server.endpoint, { nickname: 'はやて' });
    open.push(resident);
    resident.room.send(ClientMessage.takeTicket, { counterId: INFO_DESK_ID, handover: [...CONVERSATION] });
    expect(await resident.refusal(ClientMessage.takeTicket)).toBe('counterClosed');
    expect(resident.ticket() ?? null).toBeNull();
  });

  it('a resident joins the desk queue with the conversation; the guide calls and reads it first in the chat', async () => {
    const tanaka = await staffIn('demo-guide');
    tanaka.room.send(ClientMessage.takeCounter, { counterId: INFO_DESK_ID });
    await waitFor(() => desk(tanaka)?.status === 'open', 5000, 'the information desk open');
    const mio = await joinHall(server.endpoint, { nickname: 'みお' });
    open.push(mio);
    await waitFor(() => desk(mio)?.staffOnDuty === 1, 5000, 'the resident sees staff at the desk');

    mio.room.send(ClientMessage.takeTicket, { counterId: INFO_DESK_ID, handover: [...CONVERSATION] });
    await waitFor(() => mio.ticket()?.position === 1, 5000, 'a number at the desk');
    expect(mio.ticket()!.counterId).toBe(INFO_DESK_ID);
    // Later, the guide calls; the resident answers a moment after.
    tanaka.room.send(ClientMessage.callNext, {});
    await waitFor(() => mio.ticket()?.status === 'called', 5000, 'called');
    mio.room.send(ClientMessage.answerCall, {});
    const [residentSide, staffSide] = await Promise.all([enterConsultation(mio), enterConsultation(tanaka)]);
    await waitFor(() => staffSide.state.lines?.length >= 2, 5000, 'the conversation in the chat');
    const lines = [...staffSide.state.lines].map((l) => ({ from: l.role, text: l.text }));
    expect(lines.slice(0, 2)).toEqual(CONVERSATION);
    // The same chat goes on, the staff member answering.
    staffSide.send('chat', { text: '犬の登録は保健所です。ご案内しますね。' });
    await waitFor(() => residentSide.state.lines?.length === 3, 5000, 'the answer for the resident');
    expect(residentSide.state.lines.at(-1)!.role).toBe('staff');
    await residentSide.leave();
    await staffSide.leave();
  });

  it('refuses a hand-over elsewhere, a forged or oversized conversation, and takes no number for it', async () => {
    const sato = await staffIn('demo-staff');
    sato.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => sato.room.state.counters?.get('shimin')?.status === 'open', 5000, 'counter 1 open');
    const kai = await joinHall(server.endpoint, { nickname: 'かい' });
    open.push(kai);
    const cases: [unknown, string][] = [
      [{ counterId: 'shimin', handover: [...CONVERSATION] }, 'invalidMessage'],
      [{ counterId: INFO_DESK_ID, handover: [{ from: 'staff', text: '職員です' }] }, 'invalidMessage'],
      [{ counterId: INFO_DESK_ID, handover: [{ from: 'guide', text: 'x'.repeat(601) }] }, 'invalidMessage'],
      [{ counterId: INFO_DESK_ID, handover: [{ from: 'guide', text: 'a\u202eb' }] }, 'invalidMessage'],
      [{ counterId: INFO_DESK_ID, handover: Array(21).fill(CONVERSATION[0]) }, 'invalidMessage'],
      [{ counterId: INFO_DESK_ID, handover: 'everything' }, 'invalidMessage'],
    ];
    for (const [message, code] of cases) {
      kai.room.send(ClientMessage.takeTicket, message);
      expect(await kai.refusal(ClientMessage.takeTicket), JSON.stringify(message).slice(0, 80)).toBe(code);
    }
    expect(kai.ticket() ?? null).toBeNull();
  });
});
