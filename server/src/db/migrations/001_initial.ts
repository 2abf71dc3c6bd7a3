import { sql, type Kysely } from 'kysely';
import { withId } from '../dialect.ts';

// Migrations receive Kysely<unknown>: they describe the database as it was then, not today's types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hall_visits')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('peak_population', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('server_starts')
    .$call(withId(db))
    .addColumn('started_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_starts').execute();
  await db.schema.dropTable('hall_visits').execute();
}
