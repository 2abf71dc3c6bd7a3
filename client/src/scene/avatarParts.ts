import { BoxGeometry, CapsuleGeometry, MeshLambertMaterial, SphereGeometry } from 'three';

/**
 * Geometry and materials shared by every avatar: one copy on the GPU however many people are in view.
 * Low segment counts on purpose: software WebGL on cheap tablets is fill- and vertex-bound.
 */
export const bodyGeometry = new CapsuleGeometry(0.3, 0.75, 3, 10);
export const headGeometry = new SphereGeometry(0.23, 12, 8);
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
