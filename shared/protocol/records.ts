import { z } from 'zod';
import { plainText } from '../plainText.ts';

export const Outcome = z.enum(['resolved', 'followUp', 'referred']);
export type Outcome = z.infer<typeof Outcome>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an id');

/** What staff write during or after a consultation. */
export const RecordUpdate = z.strictObject({
  notes: plainText({ label: 'the notes', max: 4000, lines: true }),
  outcome: Outcome.nullable(),
  /** The counter a "referred" resident was sent to. */
  referredTo: Id.nullable().default(null),
});
export type RecordUpdate = z.infer<typeof RecordUpdate>;

/** The resident's rating at the end: 1–5 and an optional comment, kept without their identity. */
export const RatingMessage = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: plainText({ label: 'the comment', max: 500, lines: true }).default(''),
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
