import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  Department,
  FaqEntry,
  Hotline,
  LifeEvent,
  Shelter,
  Procedure,
  Rule,
  type Catalog,
} from '../../../shared/catalog/catalogSchema.ts';
import { createSearchIndex, type SearchIndex } from '../../../shared/catalog/search.ts';
import { buildChecklist } from '../../../shared/catalog/checklist.ts';
import { japaneseTexts } from '../../../shared/i18n/localized.ts';
import { hasKanji, type Readings, type RubySegment } from '../../../shared/i18n/ruby.ts';
import { furiganaFor } from '../i18n/furigana.ts';
import { isPostgres, lockUntilCommit } from '../db/dialect.ts';
import { DomainError } from '../domainError.ts';

/** Several processes may make the same readings at once: the same text gives the same segments. */
async function storeReadings(db: Db, made: Readings): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [text, segments] of Object.entries(made)) {
      await trx
        .insertInto('catalog_readings')
        .values({ text, segments: JSON.stringify(segments) })
        .onConflict((oc) => oc.column('text').doNothing())
        .execute();
    }
  });
}

/** The catalogue's row in content_revisions: raised by every replace, read by every process. */
const REVISION = 'catalog';

async function storedRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('content_revisions')
    .select('revision')
    .where('name', '=', REVISION)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/**
 * The catalogue's home: the database is the truth, an in-memory copy (and search index) serves reads.
 * Replacing it is one transaction: either the whole new catalogue is stored or nothing changes. Each
 * replace raises the catalogue's revision, so a process that sees a newer one reads it again (refresh).
 */
export function createCatalogService(db: Db) {
  let catalog: Catalog = {
    departments: [],
    procedures: [],
    lifeEvents: [],
    rules: [],
    faq: [],
    shelters: [],
    hotlines: [],
  };
  let index: SearchIndex = createSearchIndex(catalog);
  let readings: Readings = {};
  /** The revision `catalog` was read at; -1 before the first load. */
  let revision = -1;

  /**
   * Reads the stored catalogue in one snapshot (on PostgreSQL a repeatable-read transaction, so a
   * replace committing meanwhile is seen whole or not at all) and keeps it unless a newer one is kept
   * already (two loads finishing out of order).
   */
  async function load(): Promise<Catalog> {
    const read = (trx: Db) =>
      Promise.all([
        trx.selectFrom('departments').selectAll().orderBy('position').execute(),
        trx.selectFrom('procedures').selectAll().orderBy('position').execute(),
        trx.selectFrom('life_events').selectAll().orderBy('position').execute(),
        trx.selectFrom('life_event_rules').selectAll().orderBy('position').execute(),
        trx.selectFrom('faq_entries').selectAll().orderBy('position').execute(),
        trx.selectFrom('shelters').selectAll().orderBy('position').execute(),
        trx.selectFrom('hotlines').selectAll().orderBy('position').execute(),
        trx.selectFrom('catalog_readings').selectAll().execute(),
        storedRevision(trx),
      ]);
    const snapshot = isPostgres(db)
      ? db.transaction().setIsolationLevel('repeatable read').execute(read)
      : db.transaction().execute(read);
    const [deps, procs, events, rules, faq, shelters, hotlines, ruby, at] = await snapshot;
    if (at < revision) return catalog;
    readings = Object.fromEntries(ruby.map((r) => [r.text, JSON.parse(r.segments) as RubySegment[]]));
    const departments: Department[] = deps.map((d) =>
      d.data
        ? Department.parse(JSON.parse(d.data))
        : {
            id: d.id,
            name: { ja: d.name_ja, en: d.name_en },
            counterId: d.counter_id,
            description: { ja: d.description_ja, en: d.description_en },
          },
    );
    // Re-validated on the way out: a hand-edited database row fails loudly here, not in a resident's page.
    catalog = {
      departments,
      procedures: procs.map((p) => Procedure.parse(JSON.parse(p.data))),
      lifeEvents: events.map((e) => LifeEvent.parse(JSON.parse(e.data))),
      rules: rules.map((r) => Rule.parse(JSON.parse(r.data))),
      faq: faq.map((f) => FaqEntry.parse(JSON.parse(f.data))),
      shelters: shelters.map((x) => Shelter.parse(JSON.parse(x.data))),
      hotlines: hotlines.map((x) => Hotline.parse(JSON.parse(x.data))),
    };
    index = createSearchIndex(catalog);
    revision = at;
    return catalog;
  }

  return {
    load,
    get: () => catalog,
    /** The revision of the catalogue this process serves. */
    revision: () => revision,
    /** Reads the catalogue again if another process (or the CLI) stored a newer one; says whether it did. */
    async refresh(): Promise<boolean> {
      if ((await storedRevision(db)) === revision) return false;
      await load();
      return true;
    },
    search: (q: string, limit?: number) => index.search(q, limit),
    checklist: (lifeEventId: string, answers: Record<string, boolean>) =>
      buildChecklist(catalog, lifeEventId, answers),
    async isEmpty(): Promise<boolean> {
      const row = await db
        .selectFrom('departments')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0) === 0;
    },

    /** Furigana for every Japanese text of the catalogue, made when it was imported. */
    readings: () => readings,

    /**
     * Makes the furigana of a catalogue that has none: after an import, or a database from before
     * readings. Started in the background at start-up: the hall opens at once, readings follow.
     */
    async ensureReadings(): Promise<void> {
      // Text by text: after a replace (here or in another process) only what has none yet is read.
      const missing = japaneseTexts(catalog).filter((t) => hasKanji(t) && !(t in readings));
      if (missing.length === 0) return;
      const forCatalog = catalog;
      const made = await furiganaFor(missing);
      // A catalogue replaced meanwhile has deleted the stored readings and gets its own.
      if (catalog !== forCatalog) return;
      readings = { ...readings, ...made };
      await storeReadings(db, made);
    },

    /**
     * Replaces the whole catalogue atomically. The old furigana goes with it; ensureReadings() makes the
     * new (the analyser takes a second or two, not worth holding the transaction or a start-up for).
     * Link-open counts are kept (they are history).
     */
    async replace(
      next: Catalog,
      /** Store only if the stored catalogue is still this revision (it was checked against it). */
      expectedRevision?: number,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await lockUntilCommit(trx, 'catalog');
        const stored = await storedRevision(trx);
        if (expectedRevision !== undefined && stored !== expectedRevision) {
          throw new DomainError(
            'catalogChanged',
            'the catalogue was changed by someone else meanwhile: check the sheets again',
          );
        }
        const changedAt = new Date().toISOString();
        await trx
          .insertInto('content_revisions')
          .values({ name: REVISION, revision: stored + 1, changed_at: changedAt })
          .onConflict((oc) => oc.column('name').doUpdateSet({ revision: stored + 1, changed_at: changedAt }))
          .execute();
        await trx.deleteFrom('catalog_readings').execute();
        await trx.deleteFrom('faq_entries').execute();
        await trx.deleteFrom('shelters').execute();
        await trx.deleteFrom('hotlines').execute();
        await trx.deleteFrom('life_event_rules').execute();
        await trx.deleteFrom('life_events').execute();
        await trx.deleteFrom('procedures').execute();
        await trx.deleteFrom('departments').execute();
        for (const [position, d] of next.departments.entries()) {
          await trx
            .insertInto('departments')
            .values({
              id: d.id,
              position,
              name_ja: d.name.ja,
              name_en: d.name.en ?? '',
              counter_id: d.counterId,
              description_ja: d.description.ja,
              description_en: d.description.en ?? '',
              data: JSON.stringify(d),
            })
            .execute();
        }
        for (const [position, p] of next.procedures.entries()) {
          await trx
            .insertInto('procedures')
            .values({ id: p.id, position, department_id: p.departmentId, data: JSON.stringify(p) })
            .execute();
        }
        for (const [position, e] of next.lifeEvents.entries()) {
          await trx
            .insertInto('life_events')
            .values({ id: e.id, position, data: JSON.stringify(e) })
            .execute();
        }
        for (const [position, r] of next.rules.entries()) {
          await trx
            .insertInto('life_event_rules')
            .values({
              life_event_id: r.lifeEventId,
              procedure_id: r.procedureId,
              position,
              data: JSON.stringify(r),
            })
            .execute();
        }
        const json = [
          ['faq_entries', next.faq],
          ['shelters', next.shelters],
          ['hotlines', next.hotlines],
        ] as const;
        for (const [table, rows] of json) {
          for (const [position, row] of rows.entries()) {
            await trx
              .insertInto(table)
              .values({ id: row.id, position, data: JSON.stringify(row) })
              .execute();
          }
        }
      });
      await load();
    },

    /** `day`: the city's day (the figures count by the city's calendar). */
    /** `day` is the city's (the plan's time zone), as every count the figures read. */
    async countLinkOpen(procedureId: string, day: string): Promise<void> {
      await db
        .insertInto('procedure_link_opens')
        .values({ procedure_id: procedureId, day, opens: 1 })
        .onConflict((oc) =>
          oc.columns(['procedure_id', 'day']).doUpdateSet({ opens: sql`procedure_link_opens.opens + 1` }),
        )
        .execute();
    },

    async linkOpens(procedureId: string): Promise<number> {
      const row = await db
        .selectFrom('procedure_link_opens')
        .select(sql<number>`coalesce(sum(opens), 0)`.as('n'))
        .where('procedure_id', '=', procedureId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
