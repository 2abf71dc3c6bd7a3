/**
 * Several processes on this machine (as `npm run cluster` runs them): how many residents each process
 * carries while its event-loop lag p99 stays under 50 ms, for 1 and 2 processes sharing Redis and
 * PostgreSQL; and, with 2, how long a call takes from staff on one process to the resident on the other
 * (staff sends "call next" → the resident's client receives "called"), p50/p95, idle and under load.
 * Residents are the lightweight bots of bench:crowd (spread over the hall, shuffling at 10 Hz).
 * Prints numbers; asserts nothing. Usage: npm run bench:cluster [-- 250,500,1000 1,2]
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { startRedis } from '../support/redis.ts';
import { startPostgres } from '../support/postgres.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { hallPass, joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import {
  ask,
  cpuSeconds,
  pct,
  sleep,
  spawnBenchServer,
  startBots,
  type BenchServer,
} from './benchProcesses.ts';

const PER_PROCESS = (process.argv[2] ?? '250,500,750,1000').split(',').map(Number);
const PROCESS_COUNTS = (process.argv[3] ?? '1,2').split(',').map(Number);
const MEASURE_S = 10;
const CALLS = 30;
const BOTS_PER_PROCESS = 1000;
const LAG_LIMIT_MS = 50;

type Server = BenchServer;

const startServer = (env: Record<string, string>) =>
  spawnBenchServer({
    ...env,
    OPENING_HOURS: 'always',
    HALL_MAX_ROOMS: '100',
    JOINS_PER_ADDRESS: '200',
    TICKETS_PER_ADDRESS: '10000',
  });

const portOf = (p: Participant) =>
  Number((p.room.connection.transport as unknown as { ws: { url: string } }).ws.url.match(/:(\d+)\//)?.[1]);

async function staffMember(servers: Server[]): Promise<Participant> {
  const cookie = await signIn(servers[0]!.url, 'demo-staff');
  return joinHall(servers[0]!.url, { nickname: 'x', staffPass: await hallPass(servers[0]!.url, cookie) });
}

/**
 * Staff on one process, a resident on another: `CALLS` calls one after the other, each timed. The
 * matchmaker puts people wherever a hall room has space, so residents join until one lands on another
 * process than the staff member (null if none does).
 */
async function callLatency(servers: Server[], staff: Participant): Promise<number[] | null> {
  let resident: Participant | null = null;
  const tried: Participant[] = [];
  for (let i = 0; i < 12 && !resident; i++) {
    const p = await joinHall(servers[i % servers.length]!.url, { nickname: `probe${i}` });
    if (portOf(p) !== portOf(staff)) resident = p;
    else tried.push(p);
  }
  for (const p of tried) await p.room.leave();
  if (!resident) return null;
  const until = async (what: () => boolean) => {
    // Generous: under load a message may wait behind a busy event loop; a row still reports what it saw.
    for (let i = 0; i < 2000 && !what(); i++) await sleep(5);
    if (!what()) throw new Error('timed out');
  };
  staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
  await until(() => resident.room.state.counters.get('shimin')?.status === 'open');
  const latencies: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    resident.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await until(() => resident.ticket()?.status === 'waiting');
    await until(() => staff.queue()?.entries.length === 1);
    const t0 = performance.now();
    staff.room.send(ClientMessage.callNext, {});
    await until(() => resident.ticket()?.status === 'called');
    latencies.push(performance.now() - t0);
    resident.room.send(ClientMessage.leaveQueue, {});
    await until(() => resident.ticket() === null && staff.queue()?.current === null);
  }
  await resident.room.leave();
  return latencies;
}

const redis = await startRedis();
const postgres = await startPostgres();
const ms = (xs: number[] | null) => (xs ? `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} ms` : 'n/a');
console.log(
  `bench:cluster — ${MEASURE_S} s per row, bots spread and shuffling at 10 Hz; lag limit p99 < ${LAG_LIMIT_MS} ms`,
);

async function cleanSlate(name: string): Promise<Record<string, string>> {
  // A new database, and Redis emptied (room listings, room counts, desk presence).
  const flush = new Redis(redis.url);
  await flush.flushall();
  flush.disconnect();
  return { REDIS_URL: redis.url, DATABASE_URL: await postgres.createDatabase(name) };
}

async function stopServers(servers: Server[]): Promise<void> {
  for (const s of servers) await s.stop();
}

try {
  if (PROCESS_COUNTS.some((c) => c > 1)) {
    // Idle: two processes, a hall room each (rooms of one), nobody else.
    const env = { ...(await cleanSlate('bench_idle')), HALL_MAX_CLIENTS: '1' };
    const servers = [await startServer(env), await startServer(env)];
    const staff = await staffMember(servers);
    console.log(
      `call across processes, idle: p50 / p95 ${ms(await callLatency(servers, staff))} (${CALLS} calls)`,
    );
    await staff.room.leave();
    await stopServers(servers);
  }
  for (const count of PROCESS_COUNTS) {
    for (const perProcess of PER_PROCESS) {
      const env = await cleanSlate(`bench_${count}_${perProcess}`);
      const servers: Server[] = [];
      for (let i = 0; i < count; i++) servers.push(await startServer(env));
      // The staff member first: the crowd fills their room, and later rooms open on the other process.
      const staff = count > 1 ? await staffMember(servers) : null;
      const total = perProcess * count;
      const bots = Array.from({ length: Math.ceil(total / BOTS_PER_PROCESS) }, (_, i) =>
        startBots(
          servers[i % count]!.url,
          Math.min(BOTS_PER_PROCESS, total - i * BOTS_PER_PROCESS),
          i * BOTS_PER_PROCESS,
          true,
        ),
      );
      try {
        await Promise.all(bots.map((b) => b.ready));
        await sleep(2000);
        const cpu0 = servers.map((s) => cpuSeconds(s.child.pid!));
        const t0 = performance.now();
        for (const s of servers) s.child.send('lag:reset');
        await sleep(MEASURE_S * 1000);
        const seconds = (performance.now() - t0) / 1000;
        const lags = await Promise.all(
          servers.map((s) =>
            ask(s.child, 'lag:read', (m) => (m as { lag?: { p99: number; max: number } }).lag),
          ),
        );
        const cpu = servers.map((s, i) => (cpuSeconds(s.child.pid!) - cpu0[i]!) / seconds);
        const clients = await Promise.all(
          servers.map(
            async (s) => ((await (await fetch(`${s.url}/api/health`)).json()) as { clients: number }).clients,
          ),
        );
        const loadedCalls = staff ? await callLatency(servers, staff).catch(() => null) : null;
        const worst = Math.max(...lags.map((l) => l.p99));
        console.log(
          `${count} process(es) × ${String(perProcess).padStart(4)} residents | clients per process ` +
            `${clients.join(' / ')} | lag p99 ${lags.map((l) => l.p99.toFixed(0)).join(' / ')} ms ` +
            `(max ${lags.map((l) => l.max.toFixed(0)).join(' / ')}) | CPU ${cpu.map((c) => `${(c * 100).toFixed(0)} %`).join(' / ')}` +
            (staff ? ` | call across processes p50 / p95 ${ms(loadedCalls)}` : '') +
            (worst < LAG_LIMIT_MS ? '' : '  ← over the limit'),
        );
        if (worst >= LAG_LIMIT_MS) break;
      } finally {
        for (const b of bots) {
          b.child.send({ type: 'stop' });
          b.child.kill('SIGKILL');
        }
        await staff?.room.leave().catch(() => {});
        await stopServers(servers);
      }
    }
  }
} finally {
  postgres.stop();
  redis.stop();
}
process.exit(0);
