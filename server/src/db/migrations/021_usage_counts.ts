import type { Kysely } from 'kysely';

/**
 * Anonymous usage counts for the city's figures and open data: per city day and hour, what kind of
 * thing happened (`kind`), about what (`subject`: a counter, a life event, a briefing; '' for none),
 * how often (`count`) and the most at once (`peak`). Nothing here points at a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_counts')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('peak', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_counts_pk', ['day', 'hour', 'kind', 'subject'])
    .execute();
  // The figures select consultations by when they started, over ranges of up to a year.
  await db.schema
    .createIndex('consultation_records_started')
    .on('consultation_records')
    .column('started_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('consultation_records_started').execute();
  await db.schema.dropTable('usage_counts').execute();
}
