/**
 * What the crowd and cluster benchmarks share: processes of bots (crowdBots.ts), asking a child process
 * over IPC, CPU time from /proc, percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const CLK_TCK = 100;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pct = (xs: number[], p: number) =>
  xs.length
    ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
    : NaN;

/** CPU seconds a process has used (user + system), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export function ask<T>(
  child: ChildProcess,
  message: unknown,
  pick: (m: unknown) => T | undefined,
): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      const v = pick(m);
      if (v === undefined) return;
      child.off('message', on);
      resolve(v);
    };
    child.on('message', on);
    if (message !== null) child.send(message as object);
  });
}

export function startBots(endpoint: string, count: number, firstId: number, spread: boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/crowdBots.ts'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      CROWD_BOTS: JSON.stringify({ endpoint, count, firstId, spread, seed: firstId + 1 }),
    },
  });
  const ready = ask(child, null, (m) => ((m as { type?: string }).type === 'ready' ? m : undefined));
  return { child, ready };
}

export interface BenchServer {
  child: ChildProcess;
  url: string;
  port: number;
  /** What it wrote to standard error (when `quiet`). */
  stderr(): string;
}

/**
 * The real server in its own process with the event-loop lag probe (loopLag.ts) loaded, on
 * 127.0.0.1; resolves once it answers. `quiet` collects standard error instead of showing it.
 */
export async function spawnBenchServer(env: Record<string, string>, quiet = false): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './test/bench/loopLag.ts', 'server/src/index.ts'],
    {
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit', 'ipc'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        CLIENT_DIR: 'off',
        LOG_LEVEL: 'error',
        ...env,
      },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${stderr}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url, port, stderr: () => stderr };
    await sleep(200);
  }
  throw new Error('a server process did not start');
}
