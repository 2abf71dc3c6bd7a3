import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { startServer, type RunningServer } from '../../server/src/app.ts';
import { testDatabase } from './testDatabase.ts';

export interface TestServer extends RunningServer {
  /** ws/http endpoint for @colyseus/sdk clients. */
  endpoint: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Boots the real server on 127.0.0.1 with a free port and a fresh SQLite file in a temp folder.
 * `env` overrides configuration exactly as environment variables would.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'city-hall-test-'));
  // In the `postgres` test project the same tests run on PostgreSQL (one database per data folder).
  const database = await testDatabase(join(dataDir, 'test.sqlite'), dataDir);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_FILE: join(dataDir, 'test.sqlite'),
    ...(database.startsWith('postgres') ? { DATABASE_URL: database } : {}),
    CLIENT_DIR: 'off',
    LOG_LEVEL: 'warn',
    // Every test client comes from 127.0.0.1: the caps per address (numbers, new visitors) are tested on
    // their own.
    TICKETS_PER_ADDRESS: '10000',
    VISITOR_TOKENS_PER_ADDRESS: '1000000',
    BOOKINGS_PER_ADDRESS: '1000000',
    ...env,
  });
  const server = await startServer(config);
  return {
    ...server,
    endpoint: `http://127.0.0.1:${server.port}`,
    dataDir,
    async stop() {
      await server.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
