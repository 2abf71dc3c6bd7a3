import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Redis } from 'ioredis';
import { CloseCode } from '@colyseus/sdk';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { reconnectBriefly } from '../../client/src/net/reconnectPolicy.ts';
import type { EventView } from '../../shared/protocol/index.ts';
import type { TestServer } from '../support/testServer.ts';
import { briefingClients, type Briefing } from '../integration/briefingClients.ts';
import {
  enterConsultation,
  hallPass,
  joinHall,
  signIn,
  type Participant,
} from '../integration/staffQueue.ts';

const processOf = (room: { connection: unknown }) =>
  (room.connection as { transport: { ws: { url: string } } }).transport.ws.url.match(/:(\d+)\//)?.[1];
/** Where an invitation sends its holder: the port of the process that runs the room. */
const portOfInvite = (token: string) =>
  (JSON.parse(token) as { publicAddress?: string }).publicAddress?.split(':')[1];

/** Resolves with the close code once the SDK gives the room up (as the browser client is set up to). */
function lostFor(room: { onLeave: (cb: (code: number) => void) => void }): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

/**
 * `kill -9` of one of two processes while residents wait, one is called and one is in a consultation:
 * those on it come back on the other within 10 s with their name, ticket and place; the called one
 * can still answer; both people get back into the consultation; nothing in PostgreSQL is lost.
 * The clients here do what the browser client does (client/src/net): reconnect briefly, then join
 * the hall afresh with the resume token, and ask for their consultation seat again.
 */
describe('a process dies (kill -9)', () => {
  let redis: TestRedis;
  let a: ServerProcess;
  let b: ServerProcess;
  let database: string;
  let env: Record<string, string>;
  const open: { leave(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    database = await testDatabase('', 'process-dies');
    env = {
      DATABASE_URL: database,
      REDIS_URL: redis.url,
      OPENING_HOURS: 'always',
      // A room per person: who is on which process follows from the order of joining below.
      HALL_MAX_CLIENTS: '1',
    };
    a = await startServerProcess(env);
  });
  afterAll(async () => {
    // Rooms of the dead process never answer a leave: do not wait for them.
    for (const r of open) await Promise.race([r.leave().catch(() => {}), settle(1000)]);
    await a?.stop('SIGKILL');
    await b?.stop();
    redis?.stop();
  });

  it('those on it are back on the other within 10 s, with their ticket, call and consultation', async () => {
    // Three residents (and one who leaves soon) on A while it runs alone.
    const residents: Participant[] = [];
    for (const nickname of ['あき', 'ベン', 'チェン']) {
      const r = await joinHall(a.url, { nickname });
      open.push(r.room);
      residents.push(r);
    }
    const passerby = await joinHall(a.url, { nickname: '通りすがり' });
    const [aki, ben, chen] = residents as [Participant, Participant, Participant];
    for (const r of residents) reconnectBriefly(r.room);
    b = await startServerProcess(env);
    // Staff on B (the process with fewer rooms takes each new one): two at the same counter, one to
    // serve and one to call the next; then two more people on B, and the passer-by leaves A. A now
    // runs fewer rooms, so the consultation room opens there and dies with it.
    const cookie1 = await signIn(b.url, 'demo-staff');
    const cookie2 = await signIn(b.url, 'demo-staff2');
    const sato = await joinHall(b.url, { nickname: 'x', staffPass: await hallPass(b.url, cookie1) });
    const suzuki = await joinHall(b.url, { nickname: 'x', staffPass: await hallPass(b.url, cookie2) });
    open.push(sato.room, suzuki.room);
    for (const nickname of ['ダン', 'エマ']) open.push((await joinHall(b.url, { nickname })).room);
    await passerby.room.leave();
    // Colyseus shares each process's room count through Redis (at most once a second): wait for 3 and 4.
    const counts = new Redis(redis.url);
    try {
      for (let i = 0; ; i++) {
        const all = Object.values(await counts.hgetall('roomcount')).map((v) => Number(v.split(',')[0]));
        if (all.sort().join() === '3,4') break;
        if (i > 100) throw new Error(`room counts stay ${all.join()}`);
        await settle(50);
      }
    } finally {
      counts.disconnect();
    }
    const onA = (r: Participant) => processOf(r.room) === String(a.port);
    expect(residents.every(onA)).toBe(true);
    expect([sato, suzuki].some(onA)).toBe(false);

    sato.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    suzuki.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => chen.room.state.counters.get('shimin')?.status === 'open', 10_000, 'counter open');
    // One after the other, with pauses, as people do.
    for (const r of [chen, ben, aki]) {
      r.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
      await waitFor(() => r.ticket()?.status === 'waiting', 10_000, 'a number');
      await settle(100);
    }
    sato.room.send(ClientMessage.callNext, {});
    await waitFor(() => chen.ticket()?.status === 'called', 10_000, 'チェン called');
    chen.room.send(ClientMessage.answerCall, {});
    const [chenCall, satoCall] = await Promise.all([enterConsultation(chen), enterConsultation(sato)]);
    open.push(chenCall, satoCall);
    reconnectBriefly(chenCall);
    reconnectBriefly(satoCall);
    await waitFor(() => satoCall.state.participants?.size === 2, 10_000, 'both in the consultation');
    chenCall.send('chat', { text: '住民票について' });
    await waitFor(() => satoCall.state.lines?.length === 1, 10_000, 'a line of chat');
    suzuki.room.send(ClientMessage.callNext, {});
    await waitFor(() => ben.ticket()?.status === 'called', 10_000, 'ベン called');
    expect(aki.ticket()).toMatchObject({ status: 'waiting', position: 1 });
    const before = { aki: aki.ticket()!, ben: ben.ticket()!, chen: chen.ticket()! };
    expect(portOfInvite(chen.invites.at(-1)!.token)).toBe(String(a.port));

    // The process dies without a word.
    const lost = residents.map((r) => ({ r, code: lostFor(r.room) }));
    const satoLost = lostFor(satoCall);
    const killedAt = Date.now();
    await a.stop('SIGKILL');

    // Each one on A: the SDK tries the same room briefly, gives up, and the hall is joined afresh.
    const back = new Map<Participant, Participant>();
    await Promise.all(
      lost.map(async ({ r, code }) => {
        expect(await code).toBe(CloseCode.FAILED_TO_RECONNECT);
        for (;;) {
          try {
            const again = await joinHall(b.url, {
              nickname: r.room.state.avatars.get(r.room.sessionId)!.nickname,
              visitorToken: r.visitorToken!,
            });
            back.set(r, again);
            open.push(again.room);
            return;
          } catch {
            if (Date.now() - killedAt > 10_000) throw new Error('no way back within 10 s');
            await settle(500);
          }
        }
      }),
    );
    const now = (r: Participant) => back.get(r) ?? r;
    // Their tickets, as they were: the same numbers, the waiting one's place, the call.
    await waitFor(() => now(aki).ticket(), 10_000, 'あき sees her ticket');
    await waitFor(() => now(ben).ticket(), 10_000, 'ベン sees his ticket');
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(10_000);
    expect(now(aki).ticket()).toMatchObject({ number: before.aki.number, status: 'waiting', position: 1 });
    expect(now(ben).ticket()).toMatchObject({ number: before.ben.number, status: 'called' });
    for (const r of residents) {
      const self = now(r).room;
      expect(self.state.avatars.get(self.sessionId)?.nickname).toBe(
        r.room.state.avatars.get(r.room.sessionId)?.nickname,
      );
    }

    // The called one can still answer: Suzuki (on B) and ベン meet in a consultation room.
    now(ben).room.send(ClientMessage.answerCall, {});
    const [benCall, suzukiCall] = await Promise.all([enterConsultation(now(ben)), enterConsultation(suzuki)]);
    open.push(benCall, suzukiCall);
    await waitFor(() => suzukiCall.state.participants?.size === 2, 10_000, 'ベン and Suzuki in a room');

    // The consultation room died with A: both ask the hall for a seat again (Sato's hall on B never
    // dropped; チェン's is new), one after the other, and meet in the room opened anew.
    expect(await satoLost).toBe(CloseCode.FAILED_TO_RECONNECT);
    const satoInvites = sato.invites.length;
    sato.room.send(ClientMessage.rejoinConsultation, {});
    await waitFor(() => sato.invites.length > satoInvites, 10_000, 'a new seat for Sato');
    const s2 = await enterConsultation(sato);
    await settle(300);
    now(chen).room.send(ClientMessage.rejoinConsultation, {});
    await waitFor(() => now(chen).invites.length > 0, 10_000, 'a new seat for チェン');
    const c2 = await enterConsultation(now(chen));
    open.push(c2, s2);
    await waitFor(() => s2.state.participants?.size === 2, 10_000, 'both back in one room');
    expect(c2.roomId).toBe(s2.roomId);
    // Asking again while in it gets no second seat; someone with no consultation gets none.
    const again = now(chen).refusal('rejoinConsultation');
    now(chen).room.send(ClientMessage.rejoinConsultation, {});
    expect(await again).toBe('inConsultation');
    const none = now(aki).refusal('rejoinConsultation');
    now(aki).room.send(ClientMessage.rejoinConsultation, {});
    expect(await none).toBe('notConsulting');
    s2.send('end', {});
    await waitFor(() => sato.queue()?.current === null, 10_000, 'チェン finished');

    // Nothing committed was lost: every ticket is in PostgreSQL as the desk last said.
    const db = new pg.Client({ connectionString: database });
    await db.connect();
    try {
      const rows = (
        await db.query<{ number: number; status: string }>(
          'select number, status from queue_tickets order by number',
        )
      ).rows;
      expect(rows).toEqual(
        expect.arrayContaining([
          { number: before.chen.number, status: 'done' },
          { number: before.ben.number, status: 'serving' },
          { number: before.aki.number, status: 'waiting' },
        ]),
      );
      const records = await db.query('select ticket_id from consultation_records');
      expect(records.rowCount).toBe(2);
    } finally {
      await db.end();
    }
    console.log(`back on the other process ${elapsed} ms after kill -9`);
  });
});

/**
 * The same with live briefings: one runs on the process that dies, one on the other. The second goes
 * on for its people untouched; the people of the first join it again (a room opened anew on the
 * surviving process) within 10 s, the presenter still a presenter.
 */
describe('a process dies during briefings (kill -9)', () => {
  let redis: TestRedis;
  let a: ServerProcess;
  let b: ServerProcess;
  let env: Record<string, string>;
  const endpoint = { url: '', endpoint: '' };
  const { post, me, ...clients } = briefingClients(() => endpoint as unknown as TestServer);
  const tokenOf = clients.tokenOf;
  const via = (p: ServerProcess) => Object.assign(endpoint, { url: p.url, endpoint: p.url });

  beforeAll(async () => {
    redis = await startRedis();
    env = {
      DATABASE_URL: await testDatabase('', 'process-dies-briefing'),
      REDIS_URL: redis.url,
      OPENING_HOURS: 'always',
    };
    a = await startServerProcess(env);
  });
  afterAll(async () => {
    await clients.leaveAll();
    await a?.stop('SIGKILL');
    await b?.stop();
    redis?.stop();
  });

  async function liveEvent(title: string, host: string): Promise<EventView> {
    const res = await post(
      '/api/events',
      {
        title: { ja: title, en: title },
        description: { ja: '説明', en: 'About' },
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 10,
        presenters: ['demo-host'],
      },
      host,
    );
    expect(res.status).toBe(201);
    const event = (await res.json()) as EventView;
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(200);
    return event;
  }

  it('the briefing on the other process goes on; those of the dead one join theirs again', async () => {
    via(a);
    const host = await signIn(a.url, 'demo-host');
    const first = await liveEvent('防災説明会', host);
    const second = await liveEvent('子育て説明会', host);
    // The first briefing opens on A while it runs alone.
    const presenter = await clients.join(first.id, 'x', await hallPass(a.url, host));
    const ai = await clients.join(first.id, 'あい', undefined, { visitorToken: await tokenOf('あい') });
    ai.send('ask', { text: '避難所はどこですか' });
    await waitFor(() => presenter.state.questions?.size === 1, 10_000, 'a question');
    b = await startServerProcess(env);
    via(b);
    // The second opens on B (the process with fewer rooms).
    const bun = await clients.join(second.id, 'ぶん', undefined, { visitorToken: await tokenOf('ぶん') });
    expect(processOf(bun)).toBe(String(b.port));
    expect([presenter, ai].map(processOf)).toEqual([String(a.port), String(a.port)]);
    for (const r of [presenter, ai, bun]) reconnectBriefly(r);

    const lost = [presenter, ai].map(lostFor);
    const killedAt = Date.now();
    await a.stop('SIGKILL');

    // Those on A: the SDK gives up after a few seconds, and they join the event again through B.
    expect(await Promise.all(lost)).toEqual([CloseCode.FAILED_TO_RECONNECT, CloseCode.FAILED_TO_RECONNECT]);
    const rejoin = async (join: () => Promise<Briefing>) => {
      for (;;) {
        try {
          return await join();
        } catch (err) {
          if (Date.now() - killedAt > 10_000) throw err;
          await settle(500);
        }
      }
    };
    const cookie = await signIn(b.url, 'demo-host');
    const presenter2 = await rejoin(async () => clients.join(first.id, 'x', await hallPass(b.url, cookie)));
    const aiToken = await tokenOf('あい');
    const ai2 = await rejoin(() => clients.join(first.id, 'あい', undefined, { visitorToken: aiToken }));
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(10_000);
    expect(processOf(ai2)).toBe(String(b.port));
    expect(me(presenter2).role).toBe('presenter');
    expect(me(ai2).role).toBe('attendee');
    ai2.send('ask', { text: 'もう一度：避難所はどこですか' });
    await waitFor(() => presenter2.state.questions?.size === 1, 10_000, 'questions reach the presenter');

    // The second briefing never noticed: the same connection, still taking questions.
    expect(bun.connection.isOpen).toBe(true);
    bun.send('ask', { text: '保育所の申込期限は？' });
    await waitFor(() => bun.state.questions?.size === 1, 10_000, 'the other briefing goes on');
    console.log(`back in the briefing ${elapsed} ms after kill -9`);
  });
});
