import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './freePort.ts';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it printed (JSON log lines), for a failing test to show. */
  output(): string;
  /** A clean stop (SIGTERM), or a crash (SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The real server as its own process (`node server/src/index.ts`), the way each process of a cluster
 * runs, on 127.0.0.1 with the given environment. Resolves once it answers /api/health. An IPC channel
 * is open for what the preloaded modules listen to (the benchmarks' lag probe).
 */
export async function startServerProcess(
  env: Record<string, string>,
  /** Modules loaded into the server process first (fault injection). */
  preload: string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const imports = preload.flatMap((m) => ['--import', m]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...imports, 'server/src/index.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      CLIENT_DIR: 'off',
      LOG_LEVEL: 'warn',
      // Every test client comes from 127.0.0.1: the caps per address (numbers, new visitors) are tested
      // on their own.
      TICKETS_PER_ADDRESS: '10000',
      VISITOR_TOKENS_PER_ADDRESS: '1000000',
      BOOKINGS_PER_ADDRESS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port,
    url,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
