import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { HallLayout as HallLayoutSchema } from '../../../shared/layout/layoutSchema.ts';
import { infoDeskCounter } from '../../../shared/layout/infoDeskCounter.ts';
import type { LayoutDraftView, LayoutProblem, LayoutUpload } from '../../../shared/protocol/hallLayout.ts';
import { DomainError } from '../domainError.ts';
import { checkLayoutText, layoutVersion } from './layoutCheck.ts';
import { layoutChanges } from './layoutChanges.ts';

/** Tickets still in a queue: their counter must stay in the plan. */
const ACTIVE_TICKETS = ['waiting', 'called', 'serving'];
const DRAFTS_LISTED = 10;

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

  function view(row: {
    id: number;
    file_name: string;
    uploaded_by: string;
    uploaded_at: string;
    layout: string;
    version: string;
    live_at: string | null;
  }): Omit<LayoutDraftView, 'problems'> {
    const layout = HallLayoutSchema.parse(JSON.parse(row.layout));
    return {
      id: row.id,
      fileName: row.file_name,
      uploadedBy: row.uploaded_by,
      uploadedAt: row.uploaded_at,
      layout,
      version: row.version,
      changes: layoutChanges(inUse().layout, layout),
      liveAt: row.live_at,
    };
  }

  async function draftRow(id: number) {
    const row = await db.selectFrom('hall_layouts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('noSuchLayout', 'no such uploaded layout');
    return row;
  }

  return {
    /** The layout an admin put live last, or null (then HALL_FILE is used). */
    async live(): Promise<LiveLayout | null> {
      const row = await db
        .selectFrom('hall_layouts')
        .select(['layout', 'version'])
        .where('live_order', 'is not', null)
        .orderBy('live_order', 'desc')
        .executeTakeFirst();
      if (!row) return null;
      return { layout: HallLayoutSchema.parse(JSON.parse(row.layout)), version: row.version };
    },

    /**
     * Checks an uploaded file completely. With problems nothing is stored and every problem is listed;
     * otherwise it is kept as a draft to preview. The stored text is the parsed layout (unknown keys dropped).
     */
    async upload(upload: LayoutUpload, by: string): Promise<LayoutDraftView> {
      const checked = checkLayoutText(upload.text);
      const problems = checked.ok ? await referenceProblems(checked.layout) : checked.problems;
      const uploadedAt = new Date().toISOString();
      if (!checked.ok || problems.length > 0) {
        // A plan that is sound in itself but does not fit the running city hall is still shown.
        return {
          id: 0,
          fileName: upload.fileName,
          uploadedBy: by,
          uploadedAt,
          layout: checked.ok ? checked.layout : null,
          version: null,
          problems,
          changes: checked.ok ? layoutChanges(inUse().layout, checked.layout) : [],
          liveAt: null,
        };
      }
      const row = await db
        .insertInto('hall_layouts')
        .values({
          version: checked.version,
          layout: JSON.stringify(checked.layout),
          file_name: upload.fileName,
          uploaded_by: by,
          uploaded_at: uploadedAt,
          live_at: null,
          live_by: null,
          live_order: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ...view(row), problems: [] };
    },

    async draft(id: number): Promise<LayoutDraftView> {
      const v = view(await draftRow(id));
      return { ...v, problems: await referenceProblems(v.layout!) };
    },

    async drafts(): Promise<LayoutDraftView[]> {
      const rows = await db
        .selectFrom('hall_layouts')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(DRAFTS_LISTED)
        .execute();
      return rows.map((r) => ({ ...view(r), problems: [] }));
    },

    /**
     * Checked again now (a queue may have opened since the upload) in the same transaction that puts it
     * live, under the catalogue's lock on PostgreSQL: a catalogue stored meanwhile is seen or waits.
     */
    async putLive(id: number, by: string): Promise<LiveLayout> {
      return db.transaction().execute(async (trx) => {
        if (isPostgres(trx))
          await sql`select pg_advisory_xact_lock(hashtext('city-hall:catalog'))`.execute(trx);
        const row = await trx.selectFrom('hall_layouts').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw new DomainError('noSuchLayout', 'no such uploaded layout');
        const layout = HallLayoutSchema.parse(JSON.parse(row.layout));
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
        return { layout, version: layoutVersion(layout) };
      });
    },
  };
}
export type HallLayoutService = ReturnType<typeof createHallLayoutService>;
