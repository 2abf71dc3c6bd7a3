/** Before the first consultation of the day at a counter, one is taken to last this long. */
export const DEFAULT_SERVICE_MINUTES = 5;
/** A consultation that runs over its average is still taken to need this much more. */
const OVERRUN_LEFT_MS = 60_000;

export interface WaitInput {
  /** People before this one in the queue. */
  ahead: number;
  /** Today's consultation lengths at the counter. */
  todayMs: number[];
  /** How long each consultation now in progress (or called) at the counter has been going. */
  runningForMs: number[];
  staffOnDuty: number;
  /** Staff are at the counter (not away): one without a consultation is free now. */
  staffAtCounter: boolean;
}

/**
 * How long until this person is seen: each consultation takes the average of today's at the counter
 * (DEFAULT_SERVICE_MINUTES before the first), one in progress only what is left of it (at least a
 * minute, when it overruns). Each staff member is a slot that frees up when their consultation is
 * expected to end; everyone ahead takes the first slot to free up, in order. 0 means "shortly".
 */
export function estimateWait(w: WaitInput): { minutes: number; averageMs: number } {
  const averageMs = w.todayMs.length
    ? w.todayMs.reduce((a, ms) => a + ms, 0) / w.todayMs.length
    : DEFAULT_SERVICE_MINUTES * 60_000;
  // Nobody on duty, or staff away from the counter: nobody is free now, whoever is next.
  const freeSlot = w.staffOnDuty > 0 && w.staffAtCounter ? 0 : averageMs;
  const slots = w.runningForMs.map((ran) => Math.max(OVERRUN_LEFT_MS, averageMs - ran));
  while (slots.length < Math.max(1, w.staffOnDuty)) slots.push(freeSlot);
  for (let i = 0; i < w.ahead; i++) {
    const first = slots.indexOf(Math.min(...slots));
    slots[first] = slots[first]! + averageMs;
  }
  const minutes = Math.min(...slots) / 60_000;
  return { minutes: minutes < 0.5 ? 0 : Math.max(1, Math.round(minutes)), averageMs };
}
