import type { Kysely } from 'kysely';

/**
 * Who supports a briefing besides its presenters: captioners (要約筆記), who type the captions everyone
 * reads, and sign-language interpreters, who go on stage beside the presenter. Staff usernames as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('captioners', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('interpreters', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('interpreters').execute();
  await db.schema.alterTable('events').dropColumn('captioners').execute();
}
