/**
 * How a figure stands, as a few joint angles (radians), from what it is doing. Pure: no clock, no
 * scene; the same inputs give the same pose. Pitch turns a limb forward (negative) or back about the
 * figure's left–right axis; roll lifts an arm out to the side.
 */
export interface FigurePose {
  hipL: number;
  hipR: number;
  kneeL: number;
  kneeR: number;
  armL: number;
  armR: number;
  rollL: number;
  rollR: number;
  /** The head turning left (positive) or right, looking about. */
  neck: number;
  /** The whole figure raised (a step's bounce, a breath), metres. */
  bob: number;
}

export interface FigureMotion {
  /** Where in the walk cycle (radians; a step every π). */
  phase: number;
  /** How much of a full stride (0 standing … 1 walking briskly). */
  stride: number;
  sitting: boolean;
  /** Seconds since a wave began, or -1 when not waving. */
  waveS: number;
  /** Seconds on a clock for the idle motion (breathing, looking about), or -1 for none (light tier). */
  idleS: number;
  /** A per-person offset, so a crowd does not breathe in step. */
  seed: number;
}

export const restingMotion = (): FigureMotion => ({
  phase: 0,
  stride: 0,
  sitting: false,
  waveS: -1,
  idleS: -1,
  seed: 0,
});

export const newPose = (): FigurePose => ({
  hipL: 0,
  hipR: 0,
  kneeL: 0,
  kneeR: 0,
  armL: 0,
  armR: 0,
  rollL: 0.06,
  rollR: -0.06,
  neck: 0,
  bob: 0,
});

/** Legs swing this far (radians) at a full stride; arms a little less, opposite to the legs. */
const LEG_SWING = 0.5;
const ARM_SWING = 0.4;
/** The waving arm, raised out and up, and how fast and far the hand goes to and fro. */
const WAVE_ROLL = 2.55;
const WAVE_HZ = 2.2;
const WAVE_SWAY = 0.35;

export function poseOf(m: FigureMotion, out: FigurePose): FigurePose {
  const s = Math.sin(m.phase);
  const a = m.stride;
  if (m.sitting) {
    out.hipL = out.hipR = -Math.PI / 2;
    out.kneeL = out.kneeR = Math.PI / 2;
    out.armL = out.armR = -0.5;
    out.bob = 0;
  } else {
    out.hipL = -LEG_SWING * a * s;
    out.hipR = LEG_SWING * a * s;
    // The leg behind bends its knee as it lifts to swing through.
    out.kneeL = LEG_SWING * 1.4 * a * Math.max(0, s);
    out.kneeR = LEG_SWING * 1.4 * a * Math.max(0, -s);
    out.armL = ARM_SWING * a * s;
    out.armR = -ARM_SWING * a * s;
    out.bob = 0.025 * a * Math.abs(Math.cos(m.phase));
  }
  out.rollL = 0.06;
  out.rollR = -0.06;
  out.neck = 0;
  if (m.idleS >= 0) {
    const t = m.idleS + m.seed * 17;
    out.bob += 0.006 * Math.sin(t * 1.7);
    out.neck = 0.3 * Math.sin(t * 0.23) * Math.max(0, Math.sin(t * 0.11));
    if (!m.sitting && a < 0.05) {
      out.armL += 0.04 * Math.sin(t * 0.9);
      out.armR += 0.04 * Math.sin(t * 0.9 + 1);
    }
  }
  if (m.waveS >= 0) {
    // The right arm goes up in the first few tenths of a second and sways to and fro.
    const up = Math.min(1, m.waveS / 0.25);
    out.armR = 0;
    out.rollR = -up * (WAVE_ROLL + WAVE_SWAY * Math.sin(m.waveS * WAVE_HZ * 2 * Math.PI));
  }
  return out;
}

/** A number in [0, 1) from a session id, so that each person breathes and looks about at their own time. */
export function seedOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (h >>> 0) / 2 ** 32;
}
