import type { Kysely } from 'kysely';

/** The language the resident uses the hall in, so staff can prepare (an interpreter, a leaflet). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_tickets').addColumn('lang', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_tickets').dropColumn('lang').execute();
}
