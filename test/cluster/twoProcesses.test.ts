import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage, type WaveNotice } from '../../shared/protocol/index.ts';
import type { AnnouncementView } from '../../shared/protocol/announcements.ts';
import type { HallLayoutResponse, LayoutDraftView } from '../../shared/protocol/hallLayout.ts';
import {
  enterConsultation,
  hallPass,
  joinHall,
  signIn,
  type Participant,
} from '../integration/staffQueue.ts';

/**
 * Two server processes sharing Redis and PostgreSQL, as `npm run cluster` runs them: each client talks
 * to the process it was sent to, and the desk serves everyone together.
 */
describe('two processes, one city hall', () => {
  let redis: TestRedis;
  let a: ServerProcess;
  let b: ServerProcess;
  const open: Participant[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const database = await testDatabase('', 'two-processes');
    const env = {
      DATABASE_URL: database,
      REDIS_URL: redis.url,
      OPENING_HOURS: 'always',
      // One person per hall room: the three below land in rooms of both processes.
      HALL_MAX_CLIENTS: '1',
    };
    // One after the other: the first migrates and seeds the shared database.
    a = await startServerProcess(env);
    b = await startServerProcess(env);
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await a?.stop();
    await b?.stop();
    redis?.stop();
  });

  it('staff on one process call a resident on the other; both meet in the consultation room', async () => {
    const cookie = await signIn(a.url, 'demo-staff');
    const staff = await joinHall(a.url, { nickname: 'x', staffPass: await hallPass(a.url, cookie) });
    const aki = await joinHall(b.url, { nickname: 'あき' });
    const ben = await joinHall(a.url, { nickname: 'ベン' });
    open.push(staff, aki, ben);
    const processOf = (p: Participant) =>
      (p.room.connection.transport as unknown as { ws: { url: string } }).ws.url.match(/:(\d+)\//)?.[1];
    // Rooms of both processes are in use (the matchmaker spreads them).
    expect(new Set([staff, aki, ben].map(processOf)).size).toBe(2);
    await waitFor(
      () => staff.room.state.building === 3 && aki.room.state.building === 3,
      10_000,
      'building of 3',
    );

    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    for (const p of [aki, ben]) {
      await waitFor(
        () => p.room.state.counters.get('shimin')?.status === 'open',
        10_000,
        'counter open everywhere',
      );
    }
    // The staff member's wave reaches the resident on the other process, on the mirrored staff avatar.
    const waves: string[] = [];
    aki.room.onMessage('wave', (m: WaveNotice) => waves.push(m.id));
    await waitFor(
      () => [...aki.room.state.avatars.keys()].some((k) => k.startsWith('staff:')),
      10_000,
      'the staff member at counter 1 in aki’s room',
    );
    staff.room.send('wave', {});
    await waitFor(() => waves.length > 0, 10_000, 'the wave on the other process');
    expect(waves).toEqual([[...aki.room.state.avatars.keys()].find((k) => k.startsWith('staff:'))]);

    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(
      () => aki.ticket()?.status === 'waiting' && ben.ticket()?.status === 'waiting',
      10_000,
      'numbers',
    );
    expect(aki.ticket()!.number).not.toBe(ben.ticket()!.number);
    await waitFor(() => staff.queue()?.entries.length === 2, 10_000, 'the whole queue at the counter');

    staff.room.send(ClientMessage.callNext, {});
    const first = staff.queue()!.entries[0]!.number === aki.ticket()!.number ? aki : ben;
    await waitFor(() => first.ticket()?.status === 'called', 10_000, 'the first called, across processes');
    // The counter's number board shows the call in the rooms of both processes, and only the number.
    const board = (p: Participant) => p.room.state.counters.get('shimin')?.calling;
    for (const p of [aki, ben]) {
      await waitFor(() => board(p) === String(first.ticket()!.number), 10_000, 'the call on every board');
    }
    first.room.send(ClientMessage.answerCall, {});
    const [resRoom, staffRoom] = await Promise.all([enterConsultation(first), enterConsultation(staff)]);
    await waitFor(() => staffRoom.state.participants?.size === 2, 10_000, 'both in the room');
    resRoom.send('chat', { text: 'こんにちは' });
    await waitFor(() => staffRoom.state.lines?.length === 1, 10_000, 'chat');
    // Ending it in the room finishes the ticket, whichever process runs the room.
    staffRoom.send('end', {});
    await waitFor(() => staff.queue()?.current === null, 10_000, 'finished');
    for (const p of [aki, ben]) await waitFor(() => board(p) === '', 10_000, 'the number off every board');
    const second = first === aki ? ben : aki;
    expect(second.ticket()).toMatchObject({ status: 'waiting', position: 1 });
    await resRoom.leave();
    await staffRoom.leave();
  });

  it('an announcement sent through one process reaches residents of the other at once', async () => {
    const here = await joinHall(a.url, { nickname: 'ここ' });
    const there = await joinHall(b.url, { nickname: 'あそこ' });
    open.push(here, there);
    const heard = new Map<Participant, AnnouncementView[]>();
    for (const p of [here, there])
      p.room.onMessage('announcements', (list: AnnouncementView[]) => heard.set(p, list));
    const admin = await signIn(a.url, 'demo-admin');
    const res = await fetch(`${a.url}/api/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ severity: 'emergency', texts: { ja: '避難してください' } }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    for (const p of [here, there]) {
      await waitFor(
        () => heard.get(p)?.some((x) => x.id === id),
        10_000,
        'the announcement on both processes',
      );
    }
    // Ended through the other process: gone for both.
    const ended = await fetch(`${b.url}/api/announcements/${id}/end`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(ended.status).toBe(200);
    for (const p of [here, there]) {
      await waitFor(() => heard.get(p)?.length === 0, 10_000, 'the end on both processes');
    }
  });

  it('a hall plan put live through one process is used by the other, whose residents are told', async () => {
    // One person per room, each new room on the process with fewer. The earlier tests' rooms (and their
    // closing) may leave one process several rooms ahead: people join until both have some (at most six).
    const people: Participant[] = [];
    const processOf = (p: Participant) =>
      (p.room.connection.transport as unknown as { ws: { url: string } }).ws.url.match(/:(\d+)\//)?.[1];
    for (const nickname of ['むこう', 'となり', 'まえ', 'うしろ', 'みぎ', 'ひだり']) {
      const p = await joinHall(b.url, { nickname });
      people.push(p);
      open.push(p);
      if (people.length >= 3 && new Set(people.map(processOf)).size === 2) break;
    }
    expect(new Set(people.map(processOf)).size).toBe(2);
    const admin = await signIn(a.url, 'demo-admin');
    const current = (await (await fetch(`${b.url}/api/hall`)).json()) as HallLayoutResponse;
    for (const p of people)
      await waitFor(() => p.layouts.at(-1) === current.version, 10_000, 'the plan named on entering');
    const next = structuredClone(current.layout);
    next.counters.find((c) => c.id === 'shimin')!.name.ja = '市民課（仮窓口）';
    const uploaded = await fetch(`${a.url}/api/admin/hall/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ fileName: 'renamed.json', text: JSON.stringify(next) }),
    });
    expect(uploaded.status).toBe(201);
    const draft = (await uploaded.json()) as LayoutDraftView;
    expect(
      (
        await fetch(`${a.url}/api/admin/hall/drafts/${draft.id}/live`, {
          method: 'POST',
          headers: { cookie: admin },
        })
      ).status,
    ).toBe(200);
    for (const p of people)
      await waitFor(() => p.layouts.at(-1) === draft.version, 10_000, 'residents on both processes told');
    const servedBy = async (url: string) =>
      (await (await fetch(`${url}/api/hall`)).json()) as HallLayoutResponse;
    await waitFor(
      async () => (await servedBy(b.url)).version === draft.version,
      10_000,
      'the other process serves it',
    );
    const served = await servedBy(b.url);
    expect(served.layout.counters.find((c) => c.id === 'shimin')!.name.ja).toBe('市民課（仮窓口）');
  });
});
