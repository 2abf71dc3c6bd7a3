import type { Db } from '../db/database.ts';
import { lockUntilCommit } from '../db/dialect.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { HallLayout as HallLayoutSchema } from '../../../shared/layout/layoutSchema.ts';
import { infoDeskCounter } from '../../../shared/layout/infoDeskCounter.ts';
import type { LayoutDraftView, LayoutProblem, LayoutUpload } from '../../../shared/protocol/hallLayout.ts';
import { DomainError } from '../domainError.ts';
import { checkLayoutText } from './layoutCheck.ts';
import { layoutChanges } from './layoutChanges.ts';

/** Tickets still in a queue: their counter must stay in the plan. */
const ACTIVE_TICKETS = ['waiting', 'called', 'serving'];

export interface LiveLayout {
  layout: HallLayout;
  version: string;
}

/**
 * Uploaded hall layouts: checked completely, kept as drafts with a preview, and put live by an admin.
 * The live one is read by every process (see hallLayoutBoard.ts); HALL_FILE is used while none is.
 */
export function createHallLayoutService(
  db: Db,
  inUse: () => LiveLayout,
  /** Counters with staff on duty now (every process); none when only the database is at hand (the CLI). */
  staffOnDuty: () => Iterable<string> = () => [],
) {
  /**
   * What the running city hall needs from any plan: the counters the catalogue sends residents to, and
   * those with residents waiting, with bookings still to come, or with staff on duty.
   */
  async function referenceProblems(layout: HallLayout, q: Db = db): Promise<LayoutProblem[]> {
    const desks = new Set([...layout.counters.map((c) => c.id), infoDeskCounter(layout)?.id]);
    const problems: LayoutProblem[] = [];
    const missing = (id: string | null): id is string => id !== null && !desks.has(id);
    const departments = await q
      .selectFrom('departments')
      .select(['id', 'counter_id'])
      .where('counter_id', 'is not', null)
      .execute();
    for (const d of departments) {
      if (missing(d.counter_id))
        problems.push({
          path: 'counters',
          reason: `the catalogue's department "${d.id}" is served at counter "${d.counter_id}", which this plan does not have`,
        });
    }
    const queues = await q
      .selectFrom('queue_tickets')
      .select('counter_id')
      .distinct()
      .where('status', 'in', ACTIVE_TICKETS)
      .execute();
    for (const { counter_id: id } of queues) {
      if (missing(id))
        problems.push({
          path: 'counters',
          reason: `residents are waiting at counter "${id}", which this plan does not have; put it live when that queue is empty`,
        });
    }
    const booked = await q
      .selectFrom('slots')
      .innerJoin('bookings', 'bookings.slot_id', 'slots.id')
      .select('slots.counter_id')
      .distinct()
      .where('bookings.status', '=', 'booked')
      .where('slots.starts_at', '>=', new Date(Date.now() - 3_600_000).toISOString())
      .execute();
    for (const { counter_id: id } of booked) {
      if (missing(id))
        problems.push({
          path: 'counters',
          reason: `residents have booked times at counter "${id}", which this plan does not have`,
        });
    }
    for (const id of new Set(staffOnDuty())) {
      if (missing(id))
        problems.push({
          path: 'counters',
          reason: `staff are on duty at counter "${id}", which this plan does not have; ask them to leave it first`,
        });
    }
    return problems;
  }

  /** A stored layout was checked on upload; parsing gives it the schema's types (and defaults). */
  const stored = (text: string): HallLayout => HallLayoutSchema.parse(JSON.parse(text));
  const newestLive = () =>
    db.selectFrom('hall_layouts').where('live_order', 'is not', null).orderBy('live_order', 'desc');

  return {
    /** The version of the layout an admin put live last, or null (then HALL_FILE is used): a small read. */
    async liveVersion(): Promise<string | null> {
      return (await newestLive().select('version').executeTakeFirst())?.version ?? null;
    },

    /** The layout an admin put live last, or null (then HALL_FILE is used). */
    async live(): Promise<LiveLayout | null> {
      const row = await newestLive().select(['layout', 'version']).executeTakeFirst();
      return row ? { layout: stored(row.layout), version: row.version } : null;
    },

    /**
     * Checks an uploaded file completely. With problems nothing is stored and every problem is listed;
     * otherwise it is kept as a draft to preview. The stored text is the parsed layout (unknown keys dropped).
     */
    async upload(upload: LayoutUpload, by: string): Promise<LayoutDraftView> {
      const checked = checkLayoutText(upload.text);
      const problems = checked.ok ? await referenceProblems(checked.layout) : checked.problems;
      const draft = {
        fileName: upload.fileName,
        uploadedBy: by,
        uploadedAt: new Date().toISOString(),
        // A plan that is sound in itself but does not fit the running city hall is still shown.
        layout: checked.ok ? checked.layout : null,
        changes: checked.ok ? layoutChanges(inUse().layout, checked.layout) : [],
        problems,
      };
      if (!checked.ok || problems.length > 0) return { ...draft, id: 0, version: null };
      const row = await db
        .insertInto('hall_layouts')
        .values({
          version: checked.version,
          layout: JSON.stringify(checked.layout),
          file_name: draft.fileName,
          uploaded_by: by,
          uploaded_at: draft.uploadedAt,
          live_at: null,
          live_by: null,
          live_order: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...draft, id: row.id, version: checked.version };
    },

    /**
     * Checked again now (a queue may have opened since the upload) in the same transaction that puts it
     * live, under the catalogue's lock on PostgreSQL: a catalogue stored meanwhile is seen or waits.
     */
    async putLive(id: number, by: string): Promise<LiveLayout> {
      return db.transaction().execute(async (trx) => {
        await lockUntilCommit(trx, 'catalog');
        const row = await trx
          .selectFrom('hall_layouts')
          .select(['layout', 'version'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw new DomainError('noSuchLayout', 'no such uploaded layout');
        const layout = stored(row.layout);
        const problems = await referenceProblems(layout, trx);
        if (problems.length > 0) {
          throw new DomainError('layoutProblems', problems.map((p) => p.reason).join('; '));
        }
        const last = await trx
          .selectFrom('hall_layouts')
          .select((eb) => eb.fn.max('live_order').as('n'))
          .executeTakeFirst();
        await trx
          .updateTable('hall_layouts')
          .set({ live_at: new Date().toISOString(), live_by: by, live_order: Number(last?.n ?? 0) + 1 })
          .where('id', '=', id)
          .execute();
        return { layout, version: row.version };
      });
    },
  };
}
export type HallLayoutService = ReturnType<typeof createHallLayoutService>;
