import { Color, Matrix4 } from 'three';
import { FIGURE_COLORS, JOINT, PARTS, SEATED_BACK, SEATED_DROP } from './avatarParts.ts';
import type { CrowdBatch } from './crowdBatch.ts';
import type { FigurePose } from './figurePose.ts';

/** The colours of one figure; `uniform` adds the staff uniform's shirt, tie, arm band and name plate. */
export interface FigureLook {
  body: Color;
  legs: Color;
  skin: Color;
  eyes: Color;
  hair: Color;
  uniform: boolean;
}

const UNIFORM = {
  jacket: new Color(FIGURE_COLORS.jacket),
  trousers: new Color(FIGURE_COLORS.uniformTrousers),
  shirt: new Color(FIGURE_COLORS.shirt),
  tie: new Color(FIGURE_COLORS.tie),
  band: new Color(FIGURE_COLORS.band),
  plate: new Color(FIGURE_COLORS.plate),
};
const SKIN = new Color(FIGURE_COLORS.skin);
const EYES = new Color(FIGURE_COLORS.eyes);
const HAIR = new Color(FIGURE_COLORS.hair);
const TROUSERS = new Color(FIGURE_COLORS.trousers);
const AWAY = new Color(FIGURE_COLORS.away);
/** How far towards grey someone away is drawn: still recognisable, plainly not all there. */
const AWAY_GREY = 0.7;

const look: FigureLook = {
  body: new Color(),
  legs: new Color(),
  skin: new Color(),
  eyes: new Color(),
  hair: new Color(),
  uniform: false,
};
const extras = { shirt: new Color(), tie: new Color(), band: new Color(), plate: new Color() };
/** Every colour a look sets, for greying someone away in one pass. */
const ALL_COLOURS = [look.body, look.legs, look.skin, look.eyes, look.hair, ...Object.values(extras)];

/** The look of a resident in `color`, or of staff in uniform; greyed when away. Reuses one object. */
export function lookOf(color: string, staff: boolean, away: boolean): FigureLook {
  look.uniform = staff;
  if (staff) look.body.copy(UNIFORM.jacket);
  else look.body.set(color);
  look.legs.copy(staff ? UNIFORM.trousers : TROUSERS);
  look.skin.copy(SKIN);
  look.eyes.copy(EYES);
  look.hair.copy(HAIR);
  extras.shirt.copy(UNIFORM.shirt);
  extras.tie.copy(UNIFORM.tie);
  extras.band.copy(UNIFORM.band);
  extras.plate.copy(UNIFORM.plate);
  if (away) for (const c of ALL_COLOURS) c.lerp(AWAY, AWAY_GREY);
  return look;
}

const root = new Matrix4();
const joint = new Matrix4();
const knee = new Matrix4();
const turn = new Matrix4();

/** `base` × a move to `at` × a turn about x by `pitch` (and about z by `roll`), into `out`. */
function jointAt(out: Matrix4, base: Matrix4, at: readonly number[], pitch: number, roll = 0): Matrix4 {
  out.copy(base).multiply(turn.makeTranslation(at[0]!, at[1]!, at[2]!));
  if (roll !== 0) out.multiply(turn.makeRotationZ(roll));
  return out.multiply(turn.makeRotationX(pitch));
}

function leg(batch: CrowdBatch, hip: readonly number[], hipPitch: number, kneePitch: number, c: Color): void {
  jointAt(joint, root, hip, hipPitch);
  batch.addPartMatrix(PARTS.thigh, joint, c);
  batch.addPartMatrix(PARTS.shin, jointAt(knee, joint, JOINT.knee, kneePitch), c);
}

function arm(batch: CrowdBatch, at: readonly number[], pitch: number, roll: number, band: boolean): void {
  jointAt(joint, root, at, pitch, roll);
  batch.addPartMatrix(PARTS.arm, joint, look.body);
  batch.addPartMatrix(PARTS.hand, joint, look.skin);
  if (band) batch.addPartMatrix(PARTS.band, joint, extras.band);
}

/**
 * Writes one figure standing at (x, y, z) turned by `ry`, in `pose`, with the colours of the last
 * `lookOf`. Every part is one matrix (the joints above it) applied to its vertices in the batch.
 */
export function writeFigure(
  batch: CrowdBatch,
  x: number,
  y: number,
  z: number,
  ry: number,
  pose: FigurePose,
  sitting: boolean,
): void {
  root.makeRotationY(ry).setPosition(x, y + pose.bob - (sitting ? SEATED_DROP : 0), z);
  if (sitting) root.multiply(turn.makeTranslation(0, 0, -SEATED_BACK));
  leg(batch, JOINT.hipL, pose.hipL, pose.kneeL, look.legs);
  leg(batch, JOINT.hipR, pose.hipR, pose.kneeR, look.legs);
  batch.addPartMatrix(PARTS.torso, root, look.body);
  if (look.uniform) {
    batch.addPartMatrix(PARTS.shirt, root, extras.shirt);
    batch.addPartMatrix(PARTS.tie, root, extras.tie);
    batch.addPartMatrix(PARTS.plate, root, extras.plate);
  }
  // The arm band on the left arm, where Japanese public servants wear the 腕章.
  arm(batch, JOINT.shoulderL, pose.armL, pose.rollL, look.uniform);
  arm(batch, JOINT.shoulderR, pose.armR, pose.rollR, false);
  jointAt(joint, root, JOINT.neck, 0).multiply(turn.makeRotationY(pose.neck));
  batch.addPartMatrix(PARTS.head, joint, look.skin);
  batch.addPartMatrix(PARTS.hair, joint, look.hair);
  batch.addPartMatrix(PARTS.eyes, joint, look.eyes);
}
