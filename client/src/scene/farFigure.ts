import {
  CanvasTexture,
  Color,
  LinearFilter,
  MeshBasicMaterial,
  SRGBColorSpace,
  Vector3,
  type Camera,
} from 'three';
import { BILLBOARD_VERTICES, type CrowdBatch } from './crowdBatch.ts';
import { FAR_BODY_Y, FIGURE_COLORS } from './avatarParts.ts';

/**
 * People further away drawn as flat pictures turned towards the camera (impostors): a body and a head,
 * two triangles each. A software renderer pays for every triangle, and from the hall's camera a body
 * is round from every side, so a picture of it drawn for the camera's tilt looks the same at 40 pixels
 * tall.
 *
 * Sizes are those of the 3D figure (capsule body r 0.3 × 1.35 m, head r 0.23 m) as seen from the camera,
 * which looks down about 48°: the body's outline is 0.6 m wide and 1.1 m tall. The head is placed a
 * little lower than the 3D head's centre, which is where it shows on the 3D figure from that angle.
 * Both pictures share one texture (body left, head right); `uv` is each one's place in it.
 */
const PX_PER_M = 64;
const GAP_PX = 4;
const BODY = { width: 0.6, height: 1.1 };
const HEAD = 0.46;
const textureWidth = Math.round((BODY.width + HEAD) * PX_PER_M) + GAP_PX;
const textureHeight = Math.round(BODY.height * PX_PER_M);
const bodyPx = Math.round(BODY.width * PX_PER_M);
const headPx = Math.round(HEAD * PX_PER_M);

export const FAR_BODY = {
  ...BODY,
  y: FAR_BODY_Y,
  uv: [0, 0, bodyPx / textureWidth, 1] as const,
};
export const FAR_HEAD = {
  size: HEAD,
  y: 1.44,
  /** Moved this far towards the camera so that it is drawn over the top of the body. */
  towardsCamera: 0.3,
  uv: [(bodyPx + GAP_PX) / textureWidth, 1 - headPx / textureHeight, 1, 1] as const,
};

/** Shading across a shape, as the hall's light from the upper right gives the 3D figures. */
function shade(ctx: CanvasRenderingContext2D, x: number, w: number, base: number[]): void {
  const g = ctx.createLinearGradient(x, 0, x + w, 0);
  const rgb = (k: number) => `rgb(${base.map((c) => Math.round(c * k)).join(',')})`;
  g.addColorStop(0, rgb(0.8));
  g.addColorStop(0.55, rgb(1));
  g.addColorStop(1, rgb(0.72));
  ctx.fillStyle = g;
}

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

let material: MeshBasicMaterial | null = null;

/**
 * The pictures' material. The body is white in the texture and takes each person's colour from the
 * vertex colours; the head is skin-coloured and its vertices are white.
 */
export function farFigureMaterial(): MeshBasicMaterial {
  if (material) return material;
  const canvas = document.createElement('canvas');
  canvas.width = textureWidth;
  canvas.height = textureHeight;
  const ctx = canvas.getContext('2d')!;
  shade(ctx, 0, bodyPx, [255, 255, 255]);
  ctx.beginPath();
  ctx.roundRect(0, 0, bodyPx, textureHeight, bodyPx / 2);
  ctx.fill();
  const headX = bodyPx + GAP_PX;
  shade(ctx, headX, headPx, rgbOf(FIGURE_COLORS.skin));
  ctx.beginPath();
  ctx.arc(headX + headPx / 2, headPx / 2, headPx / 2, 0, Math.PI * 2);
  ctx.fill();
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  // No mipmaps: their smallest levels turn a round outline into a square or a cross.
  texture.generateMipmaps = false;
  texture.minFilter = LinearFilter;
  // A plain cut-out: smoothing the outline (alpha to coverage) cost a software renderer 2 fps more.
  material = new MeshBasicMaterial({ map: texture, vertexColors: true, alphaTest: 0.5 });
  return material;
}

const WHITE = new Color('#ffffff');
const at = new Vector3();
const towardsCamera = new Vector3();

/** The camera as the pictures need it: where it is and its right and up axes. Read once a frame. */
export interface FarView {
  position: Vector3;
  right: Vector3;
  up: Vector3;
}
const view: FarView = { position: new Vector3(), right: new Vector3(), up: new Vector3() };

export function farView(camera: Camera): FarView {
  view.position.copy(camera.position);
  view.right.setFromMatrixColumn(camera.matrixWorld, 0);
  view.up.setFromMatrixColumn(camera.matrixWorld, 1);
  return view;
}

/** Adds one far person (body in `color`, head over it) standing at (x, y, z) to a batch of pictures. */
export function addFarFigure(
  batch: CrowdBatch,
  { position, right, up }: FarView,
  x: number,
  y: number,
  z: number,
  color: Color,
): void {
  at.set(x, y + FAR_BODY.y, z);
  batch.addBillboard(at, right, up, FAR_BODY.width, FAR_BODY.height, FAR_BODY.uv, color);
  towardsCamera.subVectors(position, at).normalize().multiplyScalar(FAR_HEAD.towardsCamera);
  at.set(x, y + FAR_HEAD.y, z).add(towardsCamera);
  batch.addBillboard(at, right, up, FAR_HEAD.size, FAR_HEAD.size, FAR_HEAD.uv, WHITE);
}

/** Vertices one far person takes in a batch. */
export const FAR_FIGURE_VERTICES = 2 * BILLBOARD_VERTICES;
