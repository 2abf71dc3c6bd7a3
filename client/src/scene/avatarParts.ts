import { BoxGeometry, CapsuleGeometry, MeshLambertMaterial, SphereGeometry } from 'three';

/**
 * Geometry and materials shared by every avatar: one copy on the GPU however many people are in view.
 * Low segment counts on purpose: software WebGL on cheap tablets pays for every triangle (a hundred
 * people at 320 triangles each took the hall from 26 to 9 fps; at 72 each, 17 fps).
 */
export const bodyGeometry = new CapsuleGeometry(0.3, 0.75, 2, 8);
export const headGeometry = new SphereGeometry(0.23, 8, 6);
export const visorGeometry = new BoxGeometry(0.3, 0.09, 0.08);
export const skinMaterial = new MeshLambertMaterial({ color: '#f1d3b6' });
export const visorMaterial = new MeshLambertMaterial({ color: '#263238' });

const bodyMaterials = new Map<string, MeshLambertMaterial>();

export function bodyMaterial(color: string): MeshLambertMaterial {
  let m = bodyMaterials.get(color);
  if (!m) {
    m = new MeshLambertMaterial({ color });
    bodyMaterials.set(color, m);
  }
  return m;
}
