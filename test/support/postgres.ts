import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.ts';

/** Debian puts PostgreSQL's server binaries outside PATH: /usr/lib/postgresql/<version>/bin. */
export function postgresBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', tool))) return join(base, v, 'bin', tool);
  throw new Error(`PostgreSQL's ${tool} not found under ${base}: install Debian's postgresql (see .ci/run)`);
}

/**
 * Creates database `name` on the server of `serverUrl` (any database URL of it) unless it exists;
 * returns the new database's URL.
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

export interface TestPostgres {
  /** Connection URL of the server's maintenance database. */
  url: string;
  /** A new, empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/**
 * A throwaway PostgreSQL on 127.0.0.1 in a temporary directory: no system service, nothing kept.
 * `initdb` refuses to run as root, so as root it runs as the `postgres` user Debian's package creates.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : postgresBin(tool);
    const argv = asRoot ? ['-u', 'postgres', '--', postgresBin(tool), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const pgUser = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const pgGroup = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(pgUser), Number(pgGroup));
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'city', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // No fsync: a test database is thrown away; sockets in the temp dir, TCP on loopback only.
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -h 127.0.0.1 -k ${dir} -F -c max_connections=300`,
    'start',
  ]);
  const url = `postgres://city@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase: (name: string) => ensureDatabase(url, name),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
