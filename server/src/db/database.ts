import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { Migrator, type Migration } from 'kysely/migration';
import type { Database } from './schema.ts';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_catalog.ts';
import * as m003 from './migrations/003_staff_queue.ts';
import * as m004 from './migrations/004_records_bookings.ts';
import * as m005 from './migrations/005_events.ts';
import * as m006 from './migrations/006_slides.ts';
import * as m007 from './migrations/007_stage_keys.ts';
import * as m008 from './migrations/008_sign_in_counts.ts';
import * as m009 from './migrations/009_server_secrets.ts';
import * as m010 from './migrations/010_slide_etags.ts';
import * as m011 from './migrations/011_ticket_language.ts';
import * as m012 from './migrations/012_department_languages.ts';
import * as m013 from './migrations/013_catalog_readings.ts';
import * as m014 from './migrations/014_event_support_roles.ts';
import * as m015 from './migrations/015_guide.ts';
import * as m016 from './migrations/016_announcements.ts';
import * as m017 from './migrations/017_disaster.ts';
import * as m018 from './migrations/018_callups.ts';
import * as m019 from './migrations/019_ticket_handover.ts';
import * as m020 from './migrations/020_audit_log.ts';
import * as m021 from './migrations/021_usage_counts.ts';
import * as m022 from './migrations/022_hall_layouts.ts';
import * as m023 from './migrations/023_stage_room.ts';

/** Migrations are listed here rather than read from disk so the same list works under tsx, tests and bundles. */
const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_catalog': m002,
  '003_staff_queue': m003,
  '004_records_bookings': m004,
  '005_events': m005,
  '006_slides': m006,
  '007_stage_keys': m007,
  '008_sign_in_counts': m008,
  '009_server_secrets': m009,
  '010_slide_etags': m010,
  '011_ticket_language': m011,
  '012_department_languages': m012,
  '013_catalog_readings': m013,
  '014_event_support_roles': m014,
  '015_guide': m015,
  '016_announcements': m016,
  '017_disaster': m017,
  '018_callups': m018,
  '019_ticket_handover': m019,
  '020_audit_log': m020,
  '021_usage_counts': m021,
  '022_hall_layouts': m022,
  '023_stage_room': m023,
};

export type Db = Kysely<Database>;

// PostgreSQL sends 64-bit integers and numerics as strings; counts and sums fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);

/**
 * The database: an SQLite file (the embedded default, one serialised connection), or PostgreSQL when
 * given a `postgres://` URL (a pool; correctness then comes from transactions and constraints).
 */
export function openDatabase(target: string, onQuery?: (ms: number) => void): Db {
  const log = onQuery ? (e: LogEvent) => onQuery(e.queryDurationMillis) : undefined;
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  }
  const file = target;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL keeps readers (health, stats) from blocking the writer; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
