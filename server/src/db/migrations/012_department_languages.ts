import type { Kysely } from 'kysely';

/**
 * Departments keep their texts in every language the catalogue has as JSON, like procedures; the
 * Japanese and English columns stay for older readers of the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('data', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').dropColumn('data').execute();
}
