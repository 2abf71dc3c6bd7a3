/**
 * Which simulcast layer of the stage video a viewer asks Janus for, from what its own connection shows.
 * Pure: (choice, sample, seconds) → choice; no clocks, no I/O (sfuStage samples getStats every 2 s).
 *
 * The presenter sends three layers (rids h, m, l: full, half and quarter size); Janus forwards one to each
 * viewer (`substream` 2, 1, 0), and within it a frame rate (`temporal` 2, 1, 0: all, half, a quarter of
 * the frames). The ladder runs from the cheapest to the best. A viewer starts at the top; loss or a
 * slow link steps down at once (two steps when bad), a clean link steps up only after `holdS` seconds,
 * and a step up that fails soon after doubles that wait, so a link at its limit does not flap.
 */
export const LADDER = [
  { substream: 0, temporal: 0 },
  { substream: 0, temporal: 1 },
  { substream: 0, temporal: 2 },
  { substream: 1, temporal: 2 },
  { substream: 2, temporal: 2 },
] as const;
export const TOP = LADDER.length - 1;

/** About what each step needs, in bits/s (the presenter's encodings cap h at 700 kbit/s). */
const NEEDS_BPS = [40_000, 60_000, 100_000, 300_000, 800_000];

/** What one viewer's connection did over the last interval. */
export interface LinkSample {
  /** Video packets lost and received in the interval (inbound-rtp deltas). */
  lost: number;
  received: number;
  /** The receiver's own estimate of what it can take (bits/s), when the browser reports one. */
  availableBps?: number;
  /** Janus's "slowlink" notices for this subscription in the interval (it had to resend a lot). */
  slowLinks: number;
}

export interface LayerChoice {
  step: number;
  /** Seconds the link has been clean at this step. */
  goodS: number;
  /** Seconds of clean link needed before stepping up. */
  holdS: number;
  /** Seconds since the last step up. */
  sinceUpS: number;
}

const BAD_LOSS = 0.05;
const VERY_BAD_LOSS = 0.2;
const CLEAN_LOSS = 0.01;
const FIRST_HOLD_S = 8;
const MAX_HOLD_S = 120;
/** A step down this soon after a step up means the step up was too much. */
const FAILED_UP_S = 30;

export const firstChoice = (): LayerChoice => ({
  step: TOP,
  goodS: 0,
  holdS: FIRST_HOLD_S,
  sinceUpS: Infinity,
});

export function nextChoice(c: LayerChoice, s: LinkSample, dtS: number): LayerChoice {
  const total = s.lost + s.received;
  const loss = total > 0 ? s.lost / total : 0;
  const sinceUpS = c.sinceUpS + dtS;
  const starved = s.availableBps !== undefined && s.availableBps < NEEDS_BPS[c.step]! * 0.8;
  if (loss > BAD_LOSS || s.slowLinks > 0 || starved) {
    if (c.step === 0) return { ...c, goodS: 0, sinceUpS };
    const down = loss > VERY_BAD_LOSS ? 2 : 1;
    const holdS = sinceUpS < FAILED_UP_S ? Math.min(c.holdS * 2, MAX_HOLD_S) : c.holdS;
    return { step: Math.max(0, c.step - down), goodS: 0, holdS, sinceUpS };
  }
  const roomAbove =
    c.step < TOP && (s.availableBps === undefined || s.availableBps > NEEDS_BPS[c.step + 1]! * 1.2);
  if (loss >= CLEAN_LOSS || !roomAbove) return { ...c, goodS: 0, sinceUpS };
  const goodS = c.goodS + dtS;
  if (goodS < c.holdS) return { ...c, goodS, sinceUpS };
  return { step: c.step + 1, goodS: 0, holdS: c.holdS, sinceUpS: 0 };
}
