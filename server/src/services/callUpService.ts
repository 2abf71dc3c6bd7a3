import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CallUpsTable } from '../db/schema.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import type {
  CallUpAnswer,
  CallUpStatus,
  CallUpTally,
  CallUpView,
  MyCallUp,
  NewCallUp,
  TallyRow,
} from '../../../shared/protocol/callups.ts';
import { DomainError } from '../domainError.ts';

const iso = (ms: number) => new Date(ms).toISOString();

const toView = (r: Selectable<CallUpsTable>): CallUpView => ({
  id: r.id,
  message: r.message,
  department: r.department,
  createdBy: r.created_by,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const emptyRow = (department: string | null): TallyRow => ({
  department,
  addressed: 0,
  coming: 0,
  cannotCome: 0,
  needHelp: 0,
  noAnswer: 0,
});

/**
 * Staff call-up (非常時職員参集): an admin calls every enabled staff account, or one department's; each
 * addressed person answers (and may change the answer while the call-up is open); the tally counts
 * answers in all and by department. The database holds it all, so every process shows the same.
 */
export function createCallUpService(db: Db) {
  async function callUpOrThrow(id: number) {
    const row = await db.selectFrom('callups').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('noSuchCallUp', `no call-up ${id}`);
    return row;
  }

  /** Enabled accounts a call-up reaches. */
  async function addressed(department: string | null) {
    let q = db
      .selectFrom('staff_accounts')
      .select(['id', 'display_name', 'department'])
      .where('disabled', '=', 0);
    if (department) q = q.where('department', '=', department);
    return q.orderBy('department').orderBy('display_name').execute();
  }

  return {
    async send(input: NewCallUp, by: StaffProfile, now = Date.now()): Promise<CallUpView> {
      if (input.department && (await addressed(input.department)).length === 0) {
        throw new DomainError(
          'nobodyAddressed',
          `no staff account belongs to department "${input.department}"`,
        );
      }
      const row = await db
        .insertInto('callups')
        .values({
          message: input.message,
          department: input.department,
          created_by: by.displayName,
          created_at: iso(now),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toView(row);
    },

    async close(id: number, now = Date.now()): Promise<CallUpView> {
      const row = await callUpOrThrow(id);
      if (row.closed_at) throw new DomainError('callUpClosed', 'this call-up is already closed');
      const closed = await db
        .updateTable('callups')
        .set({ closed_at: iso(now) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toView(closed);
    },

    /** Every call-up, newest first (the admin's list). */
    async list(limit = 20): Promise<CallUpView[]> {
      const rows = await db.selectFrom('callups').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toView);
    },

    /** The open call-ups that reach this staff member, with their own answer. */
    async openFor(staffId: number): Promise<MyCallUp[]> {
      const me = await db
        .selectFrom('staff_accounts')
        .select('department')
        .where('id', '=', staffId)
        .executeTakeFirst();
      const rows = await db
        .selectFrom('callups')
        .leftJoin('callup_answers', (j) =>
          j.onRef('callup_answers.callup_id', '=', 'callups.id').on('callup_answers.staff_id', '=', staffId),
        )
        .select([
          'callups.id',
          'callups.message',
          'callups.department',
          'callups.created_by',
          'callups.created_at',
          'callups.closed_at',
          'callup_answers.status',
          'callup_answers.minutes',
          'callup_answers.answered_at',
        ])
        .where('callups.closed_at', 'is', null)
        .orderBy('callups.id', 'desc')
        .execute();
      return rows
        .filter((r) => r.department === null || r.department === (me?.department ?? undefined))
        .map((r) => ({
          ...toView(r),
          answer: r.status
            ? { status: r.status as CallUpStatus, minutes: r.minutes, answeredAt: r.answered_at! }
            : null,
        }));
    },

    async answer(id: number, staffId: number, answer: CallUpAnswer, now = Date.now()): Promise<void> {
      const row = await callUpOrThrow(id);
      if (row.closed_at) throw new DomainError('callUpClosed', 'this call-up is closed');
      const me = await db
        .selectFrom('staff_accounts')
        .select('department')
        .where('id', '=', staffId)
        .executeTakeFirst();
      if (row.department && me?.department !== row.department) {
        throw new DomainError('forbidden', 'this call-up is for another department');
      }
      const values = { status: answer.status, minutes: answer.minutes, answered_at: iso(now) };
      await db
        .insertInto('callup_answers')
        .values({ callup_id: id, staff_id: staffId, ...values })
        .onConflict((oc) => oc.columns(['callup_id', 'staff_id']).doUpdateSet(values))
        .execute();
    },

    async tally(id: number): Promise<CallUpTally> {
      const row = await callUpOrThrow(id);
      const people = await addressed(row.department);
      const answers = await db.selectFrom('callup_answers').selectAll().where('callup_id', '=', id).execute();
      const byStaff = new Map(answers.map((a) => [a.staff_id, a]));
      const total = emptyRow(null);
      const departments = new Map<string | null, TallyRow>();
      const list: CallUpTally['answers'] = [];
      for (const p of people) {
        const a = byStaff.get(p.id);
        const status = (a?.status ?? null) as CallUpStatus | null;
        const dep = departments.get(p.department) ?? emptyRow(p.department);
        departments.set(p.department, dep);
        for (const r of [total, dep]) {
          r.addressed++;
          r[status ?? 'noAnswer']++;
        }
        list.push({
          staffId: p.id,
          displayName: p.display_name,
          department: p.department,
          status,
          minutes: a?.minutes ?? null,
          answeredAt: a?.answered_at ?? null,
        });
      }
      return { callUp: toView(row), total, byDepartment: [...departments.values()], answers: list };
    },
  };
}
export type CallUpService = ReturnType<typeof createCallUpService>;
