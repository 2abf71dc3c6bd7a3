import type { Db } from '../db/database.ts';
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
export function createHallLayoutService(db: Db, inUse: () => LiveLayout) {
  /** What the running city hall needs from any plan: the catalogue's counters, and every open queue's. */
  async function referenceProblems(layout: HallLayout): Promise<LayoutProblem[]> {
    const desks = new Set([...layout.counters.map((c) => c.id), infoDeskCounter(layout)?.id]);
    const problems: LayoutProblem[] = [];
    const departments = await db
      .selectFrom('departments')
      .select(['id', 'counter_id'])
      .where('counter_id', 'is not', null)
      .execute();
    for (const d of departments) {
      if (d.counter_id && !desks.has(d.counter_id))
        problems.push({
          path: 'counters',
          reason: `the catalogue's department "${d.id}" is served at counter "${d.counter_id}", which this plan does not have`,
        });
    }
    const queues = await db
      .selectFrom('queue_tickets')
      .select('counter_id')
      .distinct()
      .where('status', 'in', ACTIVE_TICKETS)
      .execute();
    for (const q of queues) {
      if (!desks.has(q.counter_id))
        problems.push({
          path: 'counters',
          reason: `residents are waiting at counter "${q.counter_id}", which this plan does not have; put it live when that queue is empty`,
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
        .where('live_at', 'is not', null)
        .orderBy('live_at', 'desc')
        .orderBy('id', 'desc')
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

    /** Checked again now (a queue may have opened since the upload); refused with the problems if any. */
    async putLive(id: number, by: string): Promise<LiveLayout> {
      const row = await draftRow(id);
      const layout = HallLayoutSchema.parse(JSON.parse(row.layout));
      const problems = await referenceProblems(layout);
      if (problems.length > 0) {
        throw new DomainError('layoutProblems', problems.map((p) => p.reason).join('; '));
      }
      await db
        .updateTable('hall_layouts')
        .set({ live_at: new Date().toISOString(), live_by: by })
        .where('id', '=', id)
        .execute();
      return { layout, version: layoutVersion(layout) };
    },
  };
}
export type HallLayoutService = ReturnType<typeof createHallLayoutService>;
