import { z } from 'zod';

export const Outcome = z.enum(['resolved', 'followUp', 'referred']);
export type Outcome = z.infer<typeof Outcome>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an id');

/** What staff write during or after a consultation. */
export const RecordUpdate = z.strictObject({
  notes: z.string().max(4000, 'notes are at most 4000 characters'),
  outcome: Outcome.nullable(),
  /** The counter a "referred" resident was sent to. */
  referredTo: Id.nullable().default(null),
});
export type RecordUpdate = z.infer<typeof RecordUpdate>;

/** The resident's rating at the end: 1–5 and an optional comment, kept without their identity. */
export const RatingMessage = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500, 'the comment is at most 500 characters').default(''),
});
export type RatingMessage = z.infer<typeof RatingMessage>;

export interface ConsultationRecordView {
  ticketId: number;
  ticketNumber: number;
  counterId: string;
  procedureId: string | null;
  staffId: number;
  startedAt: string;
  updatedAt: string;
  notes: string;
  outcome: Outcome | null;
  referredTo: string | null;
  rating: number | null;
  ratingComment: string | null;
}
