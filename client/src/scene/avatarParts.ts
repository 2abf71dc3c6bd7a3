import {
  BoxGeometry,
  CylinderGeometry,
  MeshLambertMaterial,
  SphereGeometry,
  type BufferGeometry,
} from 'three';
import { flatten, type FlatPart } from './crowdBatch.ts';

/**
 * The avatar figure, once: a head, a torso, two legs of two parts and two arms, each part in the frame
 * of the joint it turns about (hip, knee, shoulder, neck), so a pose is a few angles (figurePose.ts).
 * The figure faces +z, its left is +x, its feet are at y = 0. Boxes and a low sphere on purpose:
 * software WebGL on cheap tablets pays for every triangle (a hundred people at 320 triangles each took
 * the hall from 26 to 9 fps). A resident is 196 triangles, a staff member 244 (the old capsule was 172).
 */
export const HIP_Y = 0.86;
const THIGH = 0.42;
const SHIN = HIP_Y - THIGH;
const SHOULDER_Y = 1.43;
const NECK_Y = 1.47;

/** Where each joint sits: hips and shoulders in the figure's frame, knees in the thigh's. */
export const JOINT = {
  hipL: [0.1, HIP_Y, 0],
  hipR: [-0.1, HIP_Y, 0],
  knee: [0, -THIGH, 0],
  shoulderL: [0.26, SHOULDER_Y, 0],
  shoulderR: [-0.26, SHOULDER_Y, 0],
  neck: [0, NECK_Y, 0],
} as const satisfies Record<string, readonly [number, number, number]>;

/** Seated on a chair whose seat is 0.5 m high: hips on it, the body at the back of the seat. */
export const SEAT_TOP = 0.5;
export const SEATED_DROP = HIP_Y - SEAT_TOP;
export const SEATED_BACK = 0.12;

const box = (w: number, h: number, d: number) => new BoxGeometry(w, h, d);
/** Shoulders wider than the waist: a four-sided tapering prism turned square to the front, 16 triangles. */
function torso(): BufferGeometry {
  const g = new CylinderGeometry(0.3, 0.24, NECK_Y - HIP_Y, 4, 1).rotateY(Math.PI / 4);
  return g.scale(1, 1, 0.62);
}
const part = (g: BufferGeometry, x: number, y: number, z: number): FlatPart => flatten(g, x, y, z);

/** The parts, each in its joint's frame (y down the limb). */
export const PARTS = {
  thigh: part(box(0.15, THIGH + 0.02, 0.17), 0, -THIGH / 2, 0),
  shin: part(box(0.13, SHIN, 0.15), 0, -SHIN / 2, 0.01),
  torso: part(torso(), 0, (HIP_Y + NECK_Y) / 2, 0),
  arm: part(box(0.1, 0.52, 0.12), 0, -0.26, 0),
  hand: part(box(0.09, 0.1, 0.1), 0, -0.57, 0),
  head: part(new SphereGeometry(0.17, 8, 4), 0, 0.16, 0),
  /** Hair: a cap over the head, tipped back so it covers the back of the head and leaves the face. */
  hair: part(
    new SphereGeometry(0.182, 8, 2, 0, Math.PI * 2, 0, Math.PI * 0.5).rotateX(-0.45),
    0,
    0.17,
    -0.01,
  ),
  /** Eyes: the dark band shows which way someone faces. */
  eyes: part(box(0.2, 0.05, 0.04), 0, 0.19, 0.145),
  // Staff only.
  shirt: part(box(0.15, 0.28, 0.02), 0, 1.33, 0.125),
  tie: part(box(0.045, 0.24, 0.02), 0, 1.3, 0.138),
  plate: part(box(0.13, 0.055, 0.02), 0.13, 1.27, 0.12),
  band: part(box(0.13, 0.08, 0.15), 0, -0.15, 0),
} as const;

/** What a figure looks like, in colours the batch takes per part. */
export const FIGURE_COLORS = {
  skin: '#f1d3b6',
  eyes: '#263238',
  hair: '#3b302a',
  trousers: '#3d4451',
  /** Staff uniform: a dark navy jacket and trousers, a light shirt, a tie, a gold arm band, a name plate. */
  jacket: '#1d2c4d',
  uniformTrousers: '#18233c',
  shirt: '#eef3f8',
  tie: '#9e2b25',
  band: '#f4c430',
  plate: '#ffffff',
  /** Someone whose connection is lost: everything drawn towards this grey, and see-through. */
  away: '#b0b4b8',
} as const;

/** The far picture's body centre (farFigure.ts): where the torso and thighs meet the eye from afar. */
export const FAR_BODY_Y = 0.68;

/** One material for every figure in a batch: each part's colour is in its vertices. */
export const figureMaterial = new MeshLambertMaterial({ vertexColors: true });
/** Someone away, see-through: a second batch that costs no draw call while nobody is away. */
export const awayFigureMaterial = new MeshLambertMaterial({
  vertexColors: true,
  transparent: true,
  opacity: 0.45,
  depthWrite: false,
});

/** Vertices of the largest figure (staff), for sizing batches. */
export const FIGURE_VERTICES = [
  ...Object.values(PARTS),
  // Both legs and both arms.
  PARTS.thigh,
  PARTS.shin,
  PARTS.arm,
  PARTS.hand,
].reduce((n, p) => n + p.position.length / 3, 0);
