import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { HALL_ROOM } from '../../shared/constants.ts';
import { joinHall } from '../integration/staffQueue.ts';

/**
 * The cap on seat reservations per address holds across processes (a flood spread over both is still
 * one address), and a join asked of one process whose room runs on the other is released when it
 * connects there (people joining one after the other are never refused).
 */
describe('seat reservations per address, with two processes', () => {
  let redis: TestRedis;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: await testDatabase('', 'join-cap'),
      REDIS_URL: redis.url,
      JOINS_PER_ADDRESS: '3',
      HALL_SEAT_RESERVATION_S: '3',
    };
    for (let i = 0; i < 2; i++) processes.push(await startServerProcess(env));
  });
  afterAll(async () => {
    for (const p of processes) await p.stop();
    redis?.stop();
  });

  it('counts one address over both processes, and releases on connecting anywhere', async () => {
    // Ten residents one after the other, asked of either process: each connects, so none is refused,
    // though half of them reserve on one process and connect to a room of the other.
    const people = [];
    for (let i = 0; i < 10; i++) {
      people.push(await joinHall(processes[i % 2]!.url, { nickname: `順番${i}` }));
    }
    for (const p of people) await p.room.leave();

    // A burst of reservations that never connect, spread over both processes: three in all get through.
    const reserve = (i: number) =>
      fetch(`${processes[i % 2]!.url}/matchmake/joinOrCreate/${HALL_ROOM}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname: `flood${i}`, color: '#1971c2', lang: 'ja' }),
      }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await reserve(i));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status !== 200).every((a) => a.body.includes('tooManyJoins'))).toBe(true);
  });
});
