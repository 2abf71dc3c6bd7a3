import { z } from 'zod';
import { plainText } from '../plainText.ts';
import { Nickname } from '../nickname.ts';
import { VisitorToken } from './join.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an id');

/** Booking codes avoid look-alike characters (0/O, 1/I/L) so they can be read out over the phone. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BookingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{4}$/, 'a booking code is 8 letters and digits, like K7M3-Q9TX')
  .transform((c) => `${c.replace('-', '').slice(0, 4)}-${c.replace('-', '').slice(4)}`);

export const NewSlot = z.strictObject({
  counterId: Id,
  procedureId: Id.nullable().default(null),
  startsAt: z.iso.datetime({ offset: true }),
  minutes: z.number().int().min(5).max(180),
  capacity: z.number().int().min(1).max(50),
});
export type NewSlot = z.infer<typeof NewSlot>;

export const NewBooking = z.strictObject({
  slotId: z.number().int().positive(),
  nickname: Nickname,
  procedureId: Id.nullable().default(null),
  /** Optional, never shown to other residents; only staff of the counter see it. */
  contact: plainText({ label: 'contact', max: 100 }).nullable().default(null),
  /** The hall identity of this browser tab: one booking per person and slot. */
  visitorToken: VisitorToken,
});
export type NewBooking = z.infer<typeof NewBooking>;

export const CheckInMessage = z.strictObject({
  code: BookingCode,
  /** Needed only when checking in from another browser than the one that booked: the name booked under. */
  nickname: Nickname.optional(),
});

export interface SlotView {
  id: number;
  counterId: string;
  procedureId: string | null;
  startsAt: string;
  minutes: number;
  capacity: number;
  remaining: number;
}

/**
 * What anyone with the code sees. Not the name it was booked under: that name, with the code, is what
 * checks in from another device, so the code alone must not reveal it.
 */
export interface BookingView {
  code: string;
  status: 'booked' | 'cancelled' | 'checkedIn';
  procedureId: string | null;
  slot: SlotView;
}
