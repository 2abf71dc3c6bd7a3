import type { Kysely } from 'kysely';

/** The Janus PIN and secret of a live briefing's stage, so a restarted server can still run and end it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('stage_pin', 'text').execute();
  await db.schema.alterTable('events').addColumn('stage_secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('stage_pin').execute();
  await db.schema.alterTable('events').dropColumn('stage_secret').execute();
}
