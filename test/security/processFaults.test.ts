import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { waitFor } from '../support/waitFor.ts';

/** No single fault ends the process: everyone else's visit goes on. */
describe('a promise rejection nobody handled', () => {
  let server: ServerProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-faults-'));
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is logged, and the server keeps serving', async () => {
    server = await startServerProcess({ LOG_LEVEL: 'error', DATABASE_FILE: join(dataDir, 'db.sqlite') }, [
      './test/security/faults/rejectionsAfterStart.ts',
    ]);
    const s = server;
    await waitFor(() => (s.output().match(/injected fault/g)?.length ?? 0) >= 3, 10_000, 'the faults logged');
    expect(s.output()).toContain('a promise rejection nobody handled');
    expect(s.child.exitCode).toBeNull();
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });
});
