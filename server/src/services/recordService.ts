import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import type {
  ConsultationRecordView,
  Outcome,
  RatingMessage,
  RecordUpdate,
} from '../../../shared/protocol/index.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';

type Row = {
  ticket_id: number;
  ticket_number: number;
  counter_id: string;
  procedure_id: string | null;
  staff_id: number;
  started_at: string;
  updated_at: string;
  notes: string;
  outcome: string | null;
  referred_to: string | null;
  rating: number | null;
  rating_comment: string | null;
};

const view = (r: Row): ConsultationRecordView => ({
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  counterId: r.counter_id,
  procedureId: r.procedure_id,
  staffId: r.staff_id,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  notes: r.notes,
  outcome: r.outcome as Outcome | null,
  referredTo: r.referred_to,
  rating: r.rating,
  ratingComment: r.rating_comment,
});

/**
 * Consultation records. The rule: a staff member reads and writes the records of consultations they
 * handled themselves; only admins read (and export) everyone's. Residents never read records; they
 * only leave a rating, once, for the consultation they were in.
 */
export function createRecordService(db: Db, now: () => Date = () => new Date()) {
  async function get(ticketId: number): Promise<Row | undefined> {
    return db
      .selectFrom('consultation_records')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
  }
  const mayRead = (who: StaffProfile, row: Row) => who.role === 'admin' || row.staff_id === who.id;

  return {
    async open(
      t: { id: number; number: number; counterId: string; procedureId: string | null },
      staffId: number,
    ) {
      const at = now().toISOString();
      await db
        .insertInto('consultation_records')
        .values({
          ticket_id: t.id,
          ticket_number: t.number,
          counter_id: t.counterId,
          procedure_id: t.procedureId,
          staff_id: staffId,
          started_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('ticket_id').doNothing())
        .execute();
    },

    async update(who: StaffProfile, ticketId: number, u: RecordUpdate): Promise<ConsultationRecordView> {
      const row = await get(ticketId);
      if (!row) throw new DomainError('noSuchRecord', `no consultation record for ticket ${ticketId}`);
      if (!mayRead(who, row))
        throw new DomainError('forbidden', 'only the staff member who handled it (or an admin) may edit it');
      await db
        .updateTable('consultation_records')
        .set({
          notes: u.notes,
          outcome: u.outcome,
          referred_to: u.outcome === 'referred' ? u.referredTo : null,
          updated_at: now().toISOString(),
        })
        .where('ticket_id', '=', ticketId)
        .execute();
      return view((await get(ticketId))!);
    },

    async read(who: StaffProfile, ticketId: number): Promise<ConsultationRecordView> {
      const row = await get(ticketId);
      if (!row) throw new DomainError('noSuchRecord', `no consultation record for ticket ${ticketId}`);
      if (!mayRead(who, row)) throw new DomainError('forbidden', 'not your consultation');
      return view(row);
    },

    async list(who: StaffProfile, limit = 200): Promise<ConsultationRecordView[]> {
      let q = db.selectFrom('consultation_records').selectAll().orderBy('started_at', 'desc').limit(limit);
      if (who.role !== 'admin') q = q.where('staff_id', '=', who.id);
      return (await q.execute()).map(view);
    },

    async all(): Promise<ConsultationRecordView[]> {
      return (await db.selectFrom('consultation_records').selectAll().orderBy('started_at').execute()).map(
        view,
      );
    },

    /** One rating per consultation; a second one is refused rather than overwriting the first. */
    async rate(ticketId: number, r: RatingMessage): Promise<void> {
      // One statement decides, so two ratings at once (any connection, any process) cannot both land.
      const done = await db
        .updateTable('consultation_records')
        .set({ rating: r.rating, rating_comment: r.comment || null })
        .where('ticket_id', '=', ticketId)
        .where('rating', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) return;
      if (!(await get(ticketId))) throw new DomainError('noSuchRecord', 'no such consultation');
      throw new DomainError('alreadyRated', 'this consultation has already been rated');
    },
  };
}
export type RecordService = ReturnType<typeof createRecordService>;
