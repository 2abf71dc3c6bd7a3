import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/** The few places where SQLite and PostgreSQL differ are decided here, by the database in use. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** An auto-numbered integer primary key `id`: AUTOINCREMENT on SQLite, SERIAL on PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withId(db: Kysely<any>) {
  return <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    isPostgres(db)
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Binary data: BLOB on SQLite, BYTEA on PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const binaryType = (db: Kysely<any>) => (isPostgres(db) ? 'bytea' : 'blob');

/** The error a unique index raises, on either database (another writer got there first). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Inside a transaction: one at a time, among every process, for changes named `name` (PostgreSQL's
 * advisory lock, released at commit). SQLite has one writer at a time already.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockUntilCommit(trx: Kysely<any>, name: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`city-hall:${name}`}))`.execute(trx);
}
