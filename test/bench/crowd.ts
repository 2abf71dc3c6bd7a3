/**
 * A crowd in the hall: 100 to 2,000 residents, packed in the lobby or spread over the hall, all
 * shuffling at 10 Hz. The server runs in its own process; the residents are lightweight bots in other
 * processes (they count bytes without decoding, see crowdBots.ts); a few probe pairs with real SDK
 * clients measure how long a move takes to be seen by a neighbour. Prints, per crowd: download per
 * client (median, p95), move → seen (p50, p95), server CPU, event-loop lag p99, and the bots' own CPU.
 * Prints numbers; asserts nothing. Usage: npm run bench:crowd [-- 100,300 packed]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { POSITION_LIMIT_M } from '../../shared/constants.ts';
import { ask, cpuSeconds, pct, sleep, spawnBenchServer, startBots } from './benchProcesses.ts';
import { numberOf, probe, standBeside, type Probe } from './probes.ts';

const SIZES = (process.argv[2] ?? '100,300,1000,2000').split(',').map(Number);
const LAYOUTS = (process.argv[3] ?? 'packed,spread').split(',') as ('packed' | 'spread')[];
const MEASURE_S = 10;
const PROBE_PAIRS = 3;
const BOTS_PER_PROCESS = 1000;

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-crowd-'));
  const server = await spawnBenchServer({
    DATABASE_FILE: join(dir, 'crowd.sqlite'),
    // The server's own HALL_MAX_CLIENTS unless CROWD_ROOM_SIZE says otherwise (rooms of the process).
    ...(process.env.CROWD_ROOM_SIZE ? { HALL_MAX_CLIENTS: process.env.CROWD_ROOM_SIZE } : {}),
    HALL_MAX_ROOMS: '100',
    JOINS_PER_ADDRESS: '200',
  });
  return {
    child: server.child,
    endpoint: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(size: number, layout: 'packed' | 'spread') {
  const server = await startServer();
  const probes: { observer: Probe; mover: Probe }[] = [];
  // Probes first: they land in the first hall room, which the bots then fill around them.
  const pairs: { observer: Probe; mover: Probe }[] = [];
  for (let i = 0; i < PROBE_PAIRS; i++) {
    pairs.push({
      observer: await probe(server.endpoint, `observer${i}`),
      mover: await probe(server.endpoint, `mover${i}`),
    });
  }
  const processes = Math.ceil(size / BOTS_PER_PROCESS);
  const bots = Array.from({ length: processes }, (_, i) => {
    const count = Math.min(BOTS_PER_PROCESS, size - i * BOTS_PER_PROCESS);
    return startBots(server.endpoint, count, i * BOTS_PER_PROCESS, layout === 'spread');
  });
  try {
    await Promise.all(bots.map((b) => b.ready));
    for (const { observer, mover } of pairs) {
      if (await standBeside(mover, observer)) probes.push({ observer, mover });
    }
    await sleep(2000);
    // The measured window.
    const latencies: number[] = [];
    let missed = 0;
    const cpu0 = cpuSeconds(server.child.pid!);
    const t0 = performance.now();
    server.child.send('lag:reset');
    // CROWD_PROFILE=dir: a CPU profile of the server over the measured window (open in Chrome DevTools).
    const profileTo = process.env.CROWD_PROFILE;
    if (profileTo) server.child.send({ profile: 'start' });
    for (const b of bots) b.child.send({ type: 'mark' });
    const pending = new Map<Probe, { x: number; at: number }>();
    for (const { observer, mover } of probes) {
      const n = numberOf(mover);
      observer.onPose = (which, x) => {
        const p = pending.get(mover);
        if (which !== n || !p || Math.abs(x - p.x) > (2 * POSITION_LIMIT_M) / 65535) return;
        latencies.push(performance.now() - p.at);
        pending.delete(mover);
      };
    }
    const base = probes.map(({ mover }) => ({ ...mover.at }));
    for (let step = 0; performance.now() - t0 < MEASURE_S * 1000; step++) {
      probes.forEach(({ mover }, i) => {
        if (pending.has(mover)) missed++;
        const x = base[i]!.x + (step % 2 ? 0.3 : 0);
        pending.set(mover, { x, at: performance.now() });
        mover.room.send('move', { x, z: base[i]!.z, ry: 0 });
      });
      await sleep(250);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (profileTo) server.child.send({ profile: join(profileTo, `server-${size}-${layout}.cpuprofile`) });
    const serverCpu = (cpuSeconds(server.child.pid!) - cpu0) / seconds;
    const lag = await ask(server.child, 'lag:read', (m) => (m as { lag?: { p99: number; max: number } }).lag);
    const reports = await Promise.all(
      bots.map((b) =>
        ask(b.child, { type: 'report' }, (m) =>
          (m as { type?: string }).type === 'report'
            ? (m as { rates: number[]; cpuShare: number })
            : undefined,
        ),
      ),
    );
    const rates = reports.flatMap((r) => r.rates);
    const rooms =
      ((await (await fetch(`${server.endpoint}/api/health`)).json()) as { hallRooms?: number }).hallRooms ??
      '?';
    const kb = (x: number) => (x / 1000).toFixed(1);
    console.log(
      `${String(size).padStart(5)} ${layout.padEnd(6)} | download/client median ${kb(pct(rates, 50))} KB/s, ` +
        `p95 ${kb(pct(rates, 95))} KB/s | move → seen p50 ${pct(latencies, 50).toFixed(0)} ms, ` +
        `p95 ${pct(latencies, 95).toFixed(0)} ms (${latencies.length} samples, ${missed} overtaken, ` +
        `${probes.length}/${PROBE_PAIRS} probe pairs) | server CPU ${(serverCpu * 100).toFixed(0)} % of a core, ` +
        `lag p99 ${lag.p99.toFixed(0)} ms (max ${lag.max.toFixed(0)}) | ${rooms} hall rooms | bots CPU ` +
        reports.map((r) => `${(r.cpuShare * 100).toFixed(0)} %`).join(' + '),
    );
  } finally {
    for (const { observer, mover } of pairs) {
      observer.room.connection.close();
      mover.room.connection.close();
    }
    for (const b of bots) {
      b.child.send({ type: 'stop' });
      b.child.kill('SIGKILL');
    }
    await server.stop();
  }
}

console.log(`bench:crowd — ${MEASURE_S} s per row, bots shuffle at 10 Hz, ${PROBE_PAIRS} probe pairs`);
for (const size of SIZES) for (const layout of LAYOUTS) await run(size, layout);
process.exit(0);
