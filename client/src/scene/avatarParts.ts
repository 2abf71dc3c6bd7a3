import { BoxGeometry, CapsuleGeometry, MeshLambertMaterial, SphereGeometry } from 'three';

/**
 * The avatar figure, once: geometry, where each part sits in the figure's own frame (it faces +z) and
 * its colours. Drawn as meshes for one person (AvatarFigure) and copied into the crowd's batch for
 * everyone else (RemoteAvatars). Low segment counts on purpose: software WebGL on cheap tablets pays
 * for every triangle (a hundred people at 320 triangles each took the hall from 26 to 9 fps).
 */
export const bodyGeometry = new CapsuleGeometry(0.3, 0.75, 2, 8);
export const headGeometry = new SphereGeometry(0.23, 8, 6);
export const visorGeometry = new BoxGeometry(0.3, 0.09, 0.08);
/** Staff wear it on the chest, so residents can tell who works here. */
export const badgeGeometry = new BoxGeometry(0.16, 0.1, 0.03);

export const PART_AT = {
  body: [0, 0.68, 0],
  head: [0, 1.56, 0],
  visor: [0, 1.6, 0.2],
  badge: [0.12, 1.05, 0.24],
} as const satisfies Record<string, readonly [number, number, number]>;
/** How far a seated figure sinks onto its chair. */
export const SEATED_DROP = 0.3;

export const FIGURE_COLORS = {
  skin: '#f1d3b6',
  visor: '#263238',
  badge: '#f4c430',
  badgeGlow: '#6b5200',
  /** The body of someone whose connection is lost. */
  away: '#b0b4b8',
} as const;

export const skinMaterial = new MeshLambertMaterial({ color: FIGURE_COLORS.skin });
export const visorMaterial = new MeshLambertMaterial({ color: FIGURE_COLORS.visor });
export const badgeMaterial = new MeshLambertMaterial({
  color: FIGURE_COLORS.badge,
  emissive: FIGURE_COLORS.badgeGlow,
});

const bodyMaterials = new Map<string, MeshLambertMaterial>();

export function bodyMaterial(color: string): MeshLambertMaterial {
  let m = bodyMaterials.get(color);
  if (!m) {
    m = new MeshLambertMaterial({ color });
    bodyMaterials.set(color, m);
  }
  return m;
}
