import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';
import { hallPass, joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import { settle } from './waitFor.ts';

/**
 * A server that a test stops and starts again on the same data (one process, its database kept), with
 * the hall connections it opened left at the end. Registers its own afterAll.
 */
export function restartableHall(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-restart-'));
  const config = { OPENING_HOURS: 'always', LOG_LEVEL: 'error', ...env, DATA_DIR: dataDir };
  let server: TestServer | undefined;
  const open: Participant[] = [];
  afterAll(async () => {
    // Rooms of a stopped server never answer a leave: bound the wait.
    await Promise.all(open.map((p) => Promise.race([p.room.leave().catch(() => {}), settle(500)])));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const current = () => {
    if (!server) throw new Error('start the server first');
    return server;
  };
  return {
    server: current,
    async start() {
      await server?.stop();
      server = await startTestServer(config);
      return server;
    },
    /** A hall connection that is left when the test ends. */
    async join(options: Parameters<typeof joinHall>[1]) {
      const p = await joinHall(current().endpoint, options);
      open.push(p);
      return p;
    },
    /** The demo staff member, signed in afresh and in the hall. */
    async staff() {
      const s = current();
      return this.join({
        nickname: 'x',
        staffPass: await hallPass(s.url, await signIn(s.url, 'demo-staff')),
      });
    },
  };
}
