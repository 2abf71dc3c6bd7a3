import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Disaster mode: every switch on or off with who, when and why (the latest row is the state); the
 * shelters and hotlines sheets of the catalogue (JSON like the others); and each shelter's state as
 * staff set it during the event, kept apart so a new import of the sheet does not reset it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('disaster_switches')
    .$call(withId(db))
    .addColumn('switched_on', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('counters', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['shelters', 'hotlines']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
  }
  await db.schema
    .createTable('shelter_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['shelter_status', 'hotlines', 'shelters', 'disaster_switches']) {
    await db.schema.dropTable(table).execute();
  }
}
