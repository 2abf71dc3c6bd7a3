import { PlaneGeometry, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/**
 * A board printed on both faces, as a hanging sign is: the back is the front turned half round, so its
 * text reads the right way from behind instead of mirrored, in the same single draw call.
 */
export function signGeometry(width: number, height: number, doubleFaced = true): BufferGeometry {
  const front = new PlaneGeometry(width, height);
  if (!doubleFaced) return front;
  const merged = mergeGeometries([front, front.clone().rotateY(Math.PI)]) ?? front;
  if (merged !== front) front.dispose();
  return merged;
}
