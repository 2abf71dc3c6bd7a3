import { z } from 'zod';
import { plainText } from '../plainText.ts';

/** An admin switches disaster mode on with a reason, and may relabel counters as disaster consultation counters. */
export const DisasterOn = z.strictObject({
  reason: plainText({ label: 'the reason', max: 200, required: true }),
  counters: z.array(z.string().max(64)).max(50).default([]),
});
export type DisasterOn = z.infer<typeof DisasterOn>;
export type DisasterOnInput = z.input<typeof DisasterOn>;

/** What everyone in the hall is told: whether the city hall is in disaster mode, why and since when. */
export const DisasterView = z.object({
  on: z.boolean(),
  reason: z.string(),
  since: z.string().nullable(),
  /** Counters relabelled as disaster consultation counters while it lasts. */
  counters: z.array(z.string()),
});
export type DisasterView = z.infer<typeof DisasterView>;

export const DISASTER_OFF: DisasterView = { on: false, reason: '', since: null, counters: [] };

/** Staff open or close a shelter during the event (and may say how full it is). */
export const ShelterUpdate = z.strictObject({
  open: z.boolean(),
  note: plainText({ label: 'the note', max: 120 }).default(''),
});
export type ShelterUpdate = z.infer<typeof ShelterUpdate>;

/** A shelter's state as staff last set it. */
export interface ShelterStatus {
  id: string;
  open: boolean;
  note: string;
  updatedAt: string | null;
}

/** One line of the switch log: who turned disaster mode on or off, when, and why. */
export interface DisasterSwitch {
  on: boolean;
  reason: string;
  by: string;
  at: string;
}
