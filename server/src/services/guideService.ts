import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Catalog } from '../../../shared/catalog/catalogSchema.ts';
import type { Readings } from '../../../shared/i18n/ruby.ts';
import {
  ANSWER_SCORE,
  createFaqIndex,
  type FaqIndex,
  type FaqMatch,
} from '../../../shared/catalog/faqMatch.ts';
import { normalize } from '../../../shared/catalog/search.ts';
import type { CatalogService } from './catalogService.ts';

/** What the guide makes of a question: its answer, other answers it may have meant, catalogue finds. */
export interface GuideFindings {
  answer: FaqMatch | null;
  related: FaqMatch[];
  procedureIds: string[];
  lifeEventIds: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * New texts counted per day at most: beyond it only texts already counted that day go up, so a script
 * asking made-up questions from many addresses cannot grow the table (or fill the admins' list) without end.
 */
export const UNANSWERED_TEXTS_PER_DAY = 500;

/**
 * How an unanswered question is kept: width and case folded, spaces collapsed, and runs of digits
 * (a phone number, a My Number, a date of birth someone typed in) and e-mail addresses masked, so
 * nothing points at a person.
 */
export function unansweredText(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\s@]+@[^\s@]+/g, '@')
    .replace(/\d[\d\s-]{2,}\d/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}

/**
 * The information desk's guide: answers from the FAQ sheet, the procedure catalogue and the life
 * events. Questions nothing answers are counted per day by their text alone, for the FAQ team.
 */
export function createGuideService(db: Db, catalog: CatalogService) {
  let built: { catalog: Catalog; readings: Readings; index: FaqIndex } | null = null;
  /** Made again when the catalogue or its readings change (readings arrive a moment after an import). */
  function faqIndex(): FaqIndex {
    const c = catalog.get();
    const r = catalog.readings();
    if (built?.catalog !== c || built.readings !== r) {
      built = { catalog: c, readings: r, index: createFaqIndex(c.faq, r) };
    }
    return built.index;
  }

  function lifeEventsNamed(question: string): string[] {
    const q = normalize(question);
    if (q.length < 2) return [];
    return catalog
      .get()
      .lifeEvents.filter((e) =>
        Object.values(e.name).some((name) => {
          const n = normalize(name ?? '');
          return n.length >= 2 && (n.includes(q) || q.includes(n));
        }),
      )
      .map((e) => e.id)
      .slice(0, 3);
  }

  return {
    ask(question: string): GuideFindings {
      const matches = faqIndex().match(question, 4);
      const best = matches[0] && matches[0].score >= ANSWER_SCORE ? matches[0] : null;
      return {
        answer: best,
        related: matches.filter((m) => m !== best).slice(0, 3),
        // The catalogue speaks when the sheet has no answer; an answer brings its own procedures.
        procedureIds: best ? [] : catalog.search(question, 3).map((h) => h.procedure.id),
        lifeEventIds: best ? [] : lifeEventsNamed(question),
      };
    },

    /** Counts a question the guide could not answer. */
    async countUnanswered(question: string): Promise<void> {
      const text = unansweredText(question);
      if (normalize(text).length < 2) return;
      const day = today();
      const counted = await db
        .updateTable('guide_unanswered')
        .set({ asks: sql`asks + 1` })
        .where('text', '=', text)
        .where('day', '=', day)
        .executeTakeFirst();
      if (Number(counted.numUpdatedRows) > 0) return;
      const texts = await db
        .selectFrom('guide_unanswered')
        .select(sql<number>`count(*)`.as('n'))
        .where('day', '=', day)
        .executeTakeFirst();
      if (Number(texts?.n ?? 0) >= UNANSWERED_TEXTS_PER_DAY) return;
      await db
        .insertInto('guide_unanswered')
        .values({ text, day, asks: 1 })
        .onConflict((oc) => oc.columns(['text', 'day']).doUpdateSet({ asks: sql`guide_unanswered.asks + 1` }))
        .execute();
    },

    /** The most asked unanswered questions of the last `days` days. */
    async topUnanswered(days: number, limit: number) {
      const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      const rows = await db
        .selectFrom('guide_unanswered')
        .select(['text', sql<number>`sum(asks)`.as('asks'), sql<string>`max(day)`.as('lastAsked')])
        .where('day', '>=', since)
        .groupBy('text')
        .orderBy('asks', 'desc')
        .orderBy('text')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ text: r.text, asks: Number(r.asks), lastAsked: r.lastAsked }));
    },
  };
}
export type GuideService = ReturnType<typeof createGuideService>;
