import type { Kysely } from 'kysely';

/**
 * The procedure catalogue. Lists (documents, keywords) are JSON text: they are always read whole and
 * never queried by element. Online-link opens are counted per procedure and day, without any identity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text')
    .addColumn('description_ja', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('life_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('life_event_rules')
    .addColumn('life_event_id', 'text', (c) => c.notNull().references('life_events.id'))
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('life_event_rules_pk', ['life_event_id', 'procedure_id'])
    .execute();
  await db.schema
    .createTable('procedure_link_opens')
    .addColumn('procedure_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('opens', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('procedure_link_opens_pk', ['procedure_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['procedure_link_opens', 'life_event_rules', 'life_events', 'procedures', 'departments']) {
    await db.schema.dropTable(t).execute();
  }
}
