/**
 * What the crowd and cluster benchmarks share: processes of bots (crowdBots.ts), asking a child process
 * over IPC, CPU time from /proc, percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const CLK_TCK = 100;

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

export type BenchServer = ServerProcess;

/** The real server in its own process with the event-loop lag probe (loopLag.ts) loaded. */
export const spawnBenchServer = (env: Record<string, string>) =>
  startServerProcess({ LOG_LEVEL: 'error', ...env }, ['./test/bench/loopLag.ts']);
