import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import type { ConsultationState } from '../../shared/state/consultationState.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { dropSocket } from '../support/dropSocket.ts';
import { waitFor } from '../support/waitFor.ts';
import {
  ClientMessage,
  ConsultationProtocol,
  STAFF_MESSAGES,
  VISITOR_TOKEN_PATTERN,
} from '../../shared/protocol/index.ts';
import { enterConsultation, hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';

const ENV = { OPENING_HOURS: 'always', LOG_LEVEL: 'error' };

describe('staff at counters and the queue', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-queue-'));
  let server: TestServer;
  let staff: Participant;
  let aki: Participant;
  let ben: Participant;
  const open: Participant[] = [];
  let residentRoom: Room<unknown, ConsultationState> | undefined;
  let akiTicket = 0;
  const counter = (id: string) => server && staffRoomCounter(staff, id);

  beforeAll(async () => {
    server = await startTestServer({ ...ENV, DATA_DIR: dataDir });
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('staff signs in, enters the hall as staff with a one-use pass, and opens a counter', async () => {
    const cookie = await signIn(server.url, 'demo-staff');
    const pass = await hallPass(server.url, cookie);
    staff = await joinHall(server.endpoint, { nickname: 'ignored', staffPass: pass });
    open.push(staff);
    const me = staff.room.state.avatars.get(staff.room.sessionId)!;
    expect(me.role).toBe('staff');
    expect(me.nickname).toBe('佐藤 (Sato)');
    // The pass is spent: joining with it again is refused.
    await expect(joinHall(server.endpoint, { nickname: 'x', staffPass: pass })).rejects.toThrow(
      /staffPassInvalid/,
    );
    expect(counter('shimin').status).toBe('closed');
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => counter('shimin').status === 'open', 5000, 'counter open');
    expect(counter('shimin').staffOnDuty).toBe(1);
    staff.room.send(ClientMessage.setCounterStatus, { status: 'busy' });
    await waitFor(() => counter('shimin').status === 'busy', 5000, 'counter busy');
  });

  it('two residents take numbers and see their positions; staff sees the queue without personal data', async () => {
    aki = await joinHall(server.endpoint, { nickname: 'あき' });
    ben = await joinHall(server.endpoint, { nickname: 'ベン' });
    open.push(aki, ben);
    expect(aki.visitorToken).toMatch(VISITOR_TOKEN_PATTERN);
    // Staff on duty are seen from anywhere in the hall, beyond the interest radius.
    const staffSeen = () => [...aki.room.state.avatars.values()].some((a) => a.role === 'staff');
    await waitFor(staffSeen, 5000, 'the staff avatar, far away behind counter 1');
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin', procedureId: 'tennyu-todoke' });
    await waitFor(() => aki.ticket()?.position === 1, 5000, 'aki first');
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => ben.ticket()?.position === 2, 5000, 'ben second');
    expect(ben.ticket()!.number).toBe(aki.ticket()!.number + 1);
    expect(ben.ticket()!.etaMinutes).toBeGreaterThan(0);
    await waitFor(() => staff.queue()?.entries.length === 2, 5000, 'staff queue');
    expect(JSON.stringify(staff.queue())).not.toMatch(/あき|ベン|visitorToken|residentKey/);
    expect(staff.queue()!.entries[0]!.procedureId).toBe('tennyu-todoke');
    await waitFor(() => counter('shimin').waiting === 2, 5000, 'two waiting');
    // A second number, a counter that does not exist, a procedure of another counter: each refused.
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    expect(await ben.refusal(ClientMessage.takeTicket)).toBe('alreadyQueued');
    const cem = await joinHall(server.endpoint, { nickname: 'セム' });
    open.push(cem);
    cem.room.send(ClientMessage.takeTicket, { counterId: 'nowhere' });
    expect(await cem.refusal(ClientMessage.takeTicket)).toBe('noSuchCounter');
    cem.room.send(ClientMessage.takeTicket, { counterId: 'shimin', procedureId: 'jidou-teate' });
    expect(await cem.refusal(ClientMessage.takeTicket)).toBe('noSuchProcedure');
    cem.room.send(ClientMessage.takeTicket, { counterId: 'kaigo' });
    expect(await cem.refusal(ClientMessage.takeTicket)).toBe('counterClosed');
  });

  it('residents may not send staff messages: each one is refused and changes nothing', async () => {
    const payloads: Record<string, unknown> = {
      takeCounter: { counterId: 'shimin' },
      leaveCounter: {},
      setCounterStatus: { status: 'closed' },
      callNext: {},
      markDone: { ticketId: 1 },
      markNoShow: { ticketId: 1 },
      transfer: { ticketId: 1, toCounterId: 'kokuho-nenkin', note: '' },
    };
    for (const type of STAFF_MESSAGES) {
      aki.room.send(type, payloads[type]);
      expect(await aki.refusal(type)).toBe('forbidden');
    }
    expect(counter('shimin').status).toBe('busy');
    expect(aki.ticket()!.status).toBe('waiting');
  });

  it('call next: the first resident and the staff meet in a private room; a third client is refused', async () => {
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => aki.ticket()?.status === 'called', 5000, 'aki called');
    expect(aki.ticket()!.answerBy).toBeGreaterThan(Date.now());
    await waitFor(() => ben.ticket()?.position === 1, 5000, 'ben moves up');
    aki.room.send(ClientMessage.answerCall, {});
    const [residentSide, staffSide] = await Promise.all([enterConsultation(aki), enterConsultation(staff)]);
    residentRoom = residentSide;
    akiTicket = aki.ticket()!.id;
    expect(residentSide.roomId).toBe(staffSide.roomId);
    await waitFor(() => staffSide.state.participants?.size === 2, 5000, 'both in the room');
    const roles = [...staffSide.state.participants.values()].map((p) => p.role).sort();
    expect(roles).toEqual(['resident', 'staff']);
    await waitFor(
      () => aki.room.state.avatars.get(aki.room.sessionId)?.consulting,
      5000,
      'aki shown consulting',
    );

    residentSide.send('chat', { text: '転入の手続きをしたいです' });
    await waitFor(() => staffSide.state.lines?.length === 1, 5000, 'chat arrives');
    expect(staffSide.state.lines.at(0)!.nickname).toBe('あき');
    residentSide.send('chat', { text: '' });
    await waitFor(() => residentSide.state.lines.length === 1, 1000, 'empty chat ignored');

    // A resident whose connection drops comes back into the same consultation within the grace time.
    residentSide.reconnection.minUptime = 0;
    const residentInRoom = () =>
      [...staffSide.state.participants.values()].find((p) => p.role === 'resident');
    dropSocket(residentSide);
    await waitFor(() => residentInRoom()?.connected === false, 5000, 'resident shown as disconnected');
    await waitFor(() => residentInRoom()?.connected === true, 10_000, 'resident back in the room');
    residentSide.send('chat', { text: 'もどりました' });
    await waitFor(() => staffSide.state.lines.length === 2, 5000, 'chat after rejoining');

    // Signalling goes only to the other participant of this room, size-limited.
    const refusals: { code: string }[] = [];
    residentSide.onMessage('error', (m: { code: string }) => refusals.push(m));
    const relayed: { from: string; description?: { type: string } }[] = [];
    staffSide.onMessage('signal', (m: { from: string }) => relayed.push(m));
    // Each signal names the two peer connections it is between (see linkPairing.ts).
    const ids = { link: 'resident-link-1', peer: 'staff-link-01' };
    residentSide.send('signal', {
      to: staffSide.sessionId,
      ...ids,
      description: { type: 'offer', sdp: 'v=0' },
    });
    await waitFor(() => relayed.length === 1, 5000, 'the offer relayed');
    expect(relayed[0]).toMatchObject({
      from: residentSide.sessionId,
      ...ids,
      description: { type: 'offer' },
    });
    // Exactly what the protocol says the client receives (its schema is strict: no stray fields).
    expect(ConsultationProtocol.server.signal.safeParse(relayed[0]).error).toBeUndefined();
    // A greeting (no description, no candidate) passes too; one without link ids or with odd ones does not.
    residentSide.send('signal', { to: staffSide.sessionId, link: 'resident-link-1', peer: null });
    await waitFor(() => relayed.length === 2, 5000, 'the greeting relayed');
    residentSide.send('signal', { to: staffSide.sessionId, description: { type: 'offer', sdp: 'v=0' } });
    await waitFor(() => refusals.length === 1, 5000, 'a signal without link ids refused');
    residentSide.send('signal', { to: staffSide.sessionId, link: '<script>', peer: null });
    await waitFor(() => refusals.length === 2, 5000, 'a malformed link id refused');
    expect(refusals.map((r) => r.code)).toEqual(['invalidMessage', 'invalidMessage']);
    residentSide.send('signal', {
      to: aki.room.sessionId,
      ...ids,
      description: { type: 'offer', sdp: 'v=0' },
    });
    await waitFor(
      () => refusals.some((r) => r.code === 'notInRoom'),
      5000,
      'a signal to someone outside refused',
    );
    residentSide.send('signal', {
      to: staffSide.sessionId,
      ...ids,
      description: { type: 'offer', sdp: 'x'.repeat(62_000) },
    });
    await waitFor(() => refusals.length === 4, 5000, 'an oversized SDP refused');
    expect(refusals.at(-1)!.code).toBe('invalidMessage');
    expect(relayed).toHaveLength(2);
    // Only staff may share a procedure link into the chat.
    residentSide.send('shareProcedure', { procedureId: 'juminhyo-utsushi' });
    await waitFor(() => refusals.some((r) => r.code === 'forbidden'), 5000, 'resident sharing refused');
    staffSide.send('shareProcedure', { procedureId: 'juminhyo-utsushi' });
    await waitFor(() => residentSide.state.lines.length === 3, 5000, 'the shared link');
    expect(residentSide.state.lines.at(2)!.url).toBe('https://example.org/online-application/apply/juminhyo');

    const intruder = new Client(server.endpoint);
    await expect(intruder.joinById(residentSide.roomId, {})).rejects.toThrow(/invalid method "joinById"/);
    await expect(intruder.create('consultation', { ticketId: 1 })).rejects.toThrow();
    expect(staffSide.state.participants.size).toBe(2);

    // Transfer with a note: the consultation ends and the resident keeps their place at the new counter.
    staff.room.send(ClientMessage.transfer, {
      ticketId: aki.ticket()!.id,
      toCounterId: 'kokuho-nenkin',
      note: '国保の加入も',
    });
    await waitFor(() => residentSide.state.ended === 'transferred', 5000, 'room ended').catch(
      (e: unknown) => {
        throw new Error(`${String(e)} ${JSON.stringify(staff.errors)}`);
      },
    );
    await waitFor(() => aki.ticket()?.counterId === 'kokuho-nenkin', 5000, 'aki at kokuho');
    expect(aki.ticket()).toMatchObject({ status: 'waiting', position: 1, transferFrom: 'shimin' });
    await waitFor(
      () => !aki.room.state.avatars.get(aki.room.sessionId)?.consulting,
      5000,
      'aki back in the hall',
    );
  });

  it('records: the handling staff member writes and reads them, others may not; the resident rates once', async () => {
    const mine = await signIn(server.url, 'demo-staff');
    const other = await signIn(server.url, 'demo-staff2');
    const admin = await signIn(server.url, 'demo-admin');
    const get = (path: string, cookie?: string) =>
      fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
    const put = (cookie: string, body: unknown) =>
      fetch(`${server.url}/api/records/${akiTicket}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const update = {
      notes: '転入届の記入を案内。国保へ引き継ぎ。',
      outcome: 'referred',
      referredTo: 'kokuho-nenkin',
    };
    expect((await put(mine, update)).status).toBe(200);
    expect((await put(other, update)).status).toBe(403);
    expect((await put(mine, { ...update, outcome: 'maybe' })).status).toBe(400);
    expect((await get(`/api/records/${akiTicket}`)).status).toBe(401);
    expect((await get(`/api/records/${akiTicket}`, other)).status).toBe(403);
    expect(await (await get(`/api/records/${akiTicket}`, admin)).json()).toMatchObject({
      outcome: 'referred',
    });
    expect(((await (await get('/api/records', other)).json()) as unknown[]).length).toBe(0);
    expect(((await (await get('/api/records', mine)).json()) as unknown[]).length).toBe(1);
    expect((await get('/api/records/export.csv', mine)).status).toBe(403);
    const csv = await (await get('/api/records/export.csv', admin)).text();
    expect(csv).toContain('国保へ引き継ぎ');

    const errors: { code: string }[] = [];
    residentRoom!.onMessage('error', (m: { code: string }) => errors.push(m));
    let rated = 0;
    residentRoom!.onMessage('rated', () => rated++);
    residentRoom!.send('rate', { rating: 5, comment: 'わかりやすかったです' });
    await waitFor(() => rated === 1, 5000, 'rating accepted');
    residentRoom!.send('rate', { rating: 1 });
    await waitFor(() => errors.some((e) => e.code === 'alreadyRated'), 5000, 'second rating refused');
    residentRoom!.send('rate', { rating: 9 });
    await waitFor(() => errors.some((e) => e.code === 'invalidMessage'), 5000, 'rating out of range refused');
    expect(await (await get(`/api/records/${akiTicket}`, mine)).json()).toMatchObject({ rating: 5 });
    await residentRoom!.leave();
  });

  it('no-show: staff marks a called resident who does not answer', async () => {
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => ben.ticket()?.status === 'called', 5000, 'ben called');
    staff.room.send(ClientMessage.callNext, {});
    expect(await staff.refusal(ClientMessage.callNext)).toBe('alreadyServing');
    staff.room.send(ClientMessage.markNoShow, { ticketId: ben.ticket()!.id });
    await waitFor(() => ben.ticket() === null, 5000, 'ben no longer queued');
    staff.room.send(ClientMessage.callNext, {});
    expect(await staff.refusal(ClientMessage.callNext)).toBe('queueEmpty');
  });

  it('the queue survives a server restart, and a returning resident finds their number', async () => {
    const number = aki.ticket()!.number;
    const token = aki.visitorToken!;
    for (const p of open.splice(0)) await p.room.leave().catch(() => {});
    await server.stop();
    server = await startTestServer({ ...ENV, DATA_DIR: dataDir });
    const back = await joinHall(server.endpoint, { nickname: 'あき', visitorToken: token });
    open.push(back);
    await waitFor(() => back.ticket()?.number === number, 5000, 'the same number after restart');
    expect(back.ticket()).toMatchObject({ counterId: 'kokuho-nenkin', status: 'waiting', position: 1 });
    expect(back.visitorToken).toBe(token);
    const stranger = await joinHall(server.endpoint, { nickname: 'だれか' });
    open.push(stranger);
    await waitFor(() => stranger.tickets.length > 0, 5000, 'stranger told they hold nothing');
    expect(stranger.ticket()).toBeNull();
  });
});

function staffRoomCounter(p: Participant, id: string) {
  const c = p.room.state.counters?.get(id);
  if (!c) throw new Error(`no counter state for ${id}`);
  return c;
}
