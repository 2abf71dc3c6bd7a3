/**
 * `npm run cluster`: the whole city hall as several processes on this machine, in one step: a throwaway
 * Redis (Debian's redis-server) and PostgreSQL (Debian's postgresql, a temporary data directory), N
 * server processes sharing them, and one front address for all (scripts/cluster/frontProxy.ts).
 * `npm run cluster -- 3` runs three. Ctrl+C stops everything and deletes the data.
 * Try `kill -9` on one of the printed process ids: its people are back on another within seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startRedis } from '../test/support/redis.ts';
import { startPostgres } from '../test/support/postgres.ts';
import { freePort } from '../test/support/freePort.ts';
import { startFrontProxy, type Backend } from './cluster/frontProxy.ts';

const count = Number(process.argv[2] ?? process.env.PROCESSES ?? 2);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error(`the number of processes must be 1–16, not "${process.argv[2] ?? process.env.PROCESSES}"`);
  process.exit(2);
}
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 2567);
// The address browsers use for this machine (WebSockets go to `${publicHost}:${port}/p1` and so on).
const publicHost = process.env.PUBLIC_HOST ?? (host === '0.0.0.0' ? 'localhost' : host);

const children: ChildProcess[] = [];
let stopping = false;
const cleanups: (() => unknown)[] = [];

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) =>
      c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
    ),
  );
  for (const clean of cleanups.reverse()) await Promise.resolve(clean()).catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function prefixed(name: string, chunk: Buffer): string {
  return chunk
    .toString()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => `[${name}] ${l}\n`)
    .join('');
}

/** Starts one server process and resolves once it answers /api/health. */
async function startProcess(name: string, env: Record<string, string>): Promise<Backend> {
  const own = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(own),
      HOST: '127.0.0.1',
      PUBLIC_ADDRESS: `${publicHost}:${port}/${name}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (c: Buffer) => process.stdout.write(prefixed(name, c)));
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(prefixed(name, c)));
  child.on('exit', (code, signal) => {
    if (!stopping) console.log(`[${name}] exited (${signal ?? code}); the other processes carry on`);
  });
  const target = `http://127.0.0.1:${own}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting`);
    if (
      await fetch(`${target}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error(`${name} did not start within a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`[${name}] pid ${child.pid}, listening on ${target}`);
  return { prefix: `/${name}`, target };
}

try {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const postgres = await startPostgres();
  cleanups.push(() => postgres.stop());
  const database = await postgres.createDatabase('city_hall');
  console.log(`Redis ${redis.url}, PostgreSQL ${database} (both thrown away on Ctrl+C)`);
  const env = {
    REDIS_URL: redis.url,
    DATABASE_URL: database,
    // Behind the front proxy, which sets X-Forwarded-For: each client's own address counts.
    TRUST_PROXY: 'on',
  };
  const backends: Backend[] = [];
  // One after the other: the first creates the tables and the demo data, the others find them.
  for (let i = 1; i <= count; i++) backends.push(await startProcess(`p${i}`, env));
  const front = await startFrontProxy({ host, port, backends });
  cleanups.push(() => front.close());
  console.log(`\nThe city hall, ${count} processes behind one address: http://${publicHost}:${port}\n`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
}
