import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import type { TestServer } from '../support/testServer.ts';

const portOf = (room: { connection: unknown }) =>
  (room.connection as { transport: { ws: { url: string } } }).transport.ws.url.match(/:(\d+)\//)?.[1];

/**
 * An event goes live through one process (which opens its Janus room and keeps the keys in the
 * database); its briefing room opens on the other process, which had never heard of the stage: it
 * reads the keys and gives the audience the Janus stage, not the fallback without Janus.
 */
describe('a briefing stage opened on one process, served by another', () => {
  let redis: TestRedis;
  let janus: RunningJanus;
  const processes: ServerProcess[] = [];
  let resident: Participant | undefined;
  let databaseUrl = '';
  /** The stage PIN and room id the database holds for the event. */
  const starterKeys = async (eventId: number): Promise<{ pin: string; room: number } | null> => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const r = await db.query('select stage_pin, stage_room from events where id = $1', [eventId]);
      const pin = r.rows[0]?.stage_pin as string | null | undefined;
      return pin ? { pin, room: Number(r.rows[0]?.stage_room) } : null;
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    redis = await startRedis();
    janus = await startJanus();
    databaseUrl = await testDatabase('', 'stage-any-process');
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      ...janus.env,
    };
    for (let i = 0; i < 2; i++) processes.push(await startServerProcess(env));
  });
  afterAll(async () => {
    await clients.leaveAll();
    await resident?.room.leave().catch(() => {});
    for (const p of processes) await p.stop();
    await janus?.stop();
    redis?.stop();
  });

  const endpoint = { url: '', endpoint: '' };
  const clients = briefingClients(() => endpoint as unknown as TestServer);

  it('the audience gets the Janus stage whichever process runs the briefing', async () => {
    // A hall room first: the briefing room then opens on the other process, which has fewer rooms.
    resident = await joinHall(processes[0]!.url, { nickname: 'ひろ' });
    const counts = new Redis(redis.url);
    try {
      for (let i = 0; ; i++) {
        const all = Object.values(await counts.hgetall('roomcount')).map((v) => Number(v.split(',')[0]));
        if (all.length === 2 && all.sort().join() === '0,1') break;
        if (i > 100) throw new Error(`room counts stay ${all.join()}`);
        await settle(50);
      }
    } finally {
      counts.disconnect();
    }
    // The event goes live through the process running the hall room: the other one never sees it start.
    const hallPort = portOf(resident.room);
    const starter = processes.find((p) => new URL(p.url).port === hallPort)!;
    expect(starter).toBeDefined();
    Object.assign(endpoint, { url: starter.url, endpoint: starter.url });
    const host = await signIn(starter.url, 'demo-host');
    const event = await clients.liveEvent(host);

    const attendee = await clients.join(event.id, 'あい');
    expect(portOf(attendee)).not.toBe(hallPort);
    const stage = await waitFor(() => attendee.inbox.find((m) => m.type === 'stage'), 5000, 'the stage');
    expect(stage.message).toMatchObject({ mode: 'sfu' });
    expect(attendee.state.media).toBe('sfu');
    // The PIN and room are those the stage was opened with (kept in the database by the starting process).
    const saved = await waitFor(async () => await starterKeys(event.id), 5000, 'saved keys');
    expect(stage.message).toMatchObject({ pin: saved.pin, room: saved.room });
  });
});
