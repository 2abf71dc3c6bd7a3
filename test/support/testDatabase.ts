import { createHash, randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from './postgres.ts';

/**
 * Where a test keeps its data: SQLite (a file, or memory) normally; in the `postgres` test project a
 * database of its own on the throwaway PostgreSQL. `key` names a database to come back to (a restart).
 */
export async function testDatabase(sqliteTarget: string, key?: string): Promise<string> {
  const base = postgresUrl();
  if (!base) return sqliteTarget;
  const name = key
    ? `t_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`
    : `t_${randomBytes(8).toString('hex')}`;
  return ensureDatabase(base, name);
}

export function postgresUrl(): string | undefined {
  try {
    return inject('postgresUrl');
  } catch {
    return undefined;
  }
}
