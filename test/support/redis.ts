import { spawn, spawnSync } from 'node:child_process';
import { Socket } from 'node:net';
import { freePort } from './freePort.ts';

export interface TestRedis {
  url: string;
  stop(): void;
}

/** A throwaway Redis (Debian's redis-server) on 127.0.0.1, in memory only, stopped after the tests. */
export async function startRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error("redis-server not found: install Debian's redis-server (see .ci/run)");
  }
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => void child.kill('SIGKILL'),
  };
}
