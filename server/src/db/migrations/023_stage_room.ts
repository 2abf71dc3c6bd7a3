import { sql, type Kysely } from 'kysely';

/**
 * The Janus room id of a live briefing's stage and the Janus it opened on. Ids used to be 100000 + the
 * event id, which a fresh database or a second server on the same Janus hands out again; each stage now
 * draws its own. A stage live during the upgrade keeps the id it was created with (origin unknown: the
 * first Janus).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('stage_room', 'integer').execute();
  await db.schema.alterTable('events').addColumn('stage_origin', 'text').execute();
  await sql`update events set stage_room = 100000 + id where stage_pin is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('stage_room').execute();
  await db.schema.alterTable('events').dropColumn('stage_origin').execute();
}
