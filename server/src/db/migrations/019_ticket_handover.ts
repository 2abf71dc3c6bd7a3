import type { Kysely } from 'kysely';

/**
 * A number taken at the information desk from the guide carries the resident's conversation with the
 * guide (JSON lines), so the staff member who answers sees it first; null for every other number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_tickets').addColumn('handover', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_tickets').dropColumn('handover').execute();
}
