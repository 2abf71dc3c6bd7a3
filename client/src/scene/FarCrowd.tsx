import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { InstancedMesh } from 'three';
import { CylinderGeometry, Matrix4, MeshLambertMaterial } from 'three';
import { farPoses } from '../store/poses.ts';

/** More markers than the server's ring ever sends by default (RING_AVATARS 48); extra ones are not drawn. */
const CAPACITY = 128;
/** Markers glide to their new spot (they move only a few times a second) at this rate per second. */
const GLIDE = 8;

/**
 * The people a little further away: one instanced draw of plain, nameless figures. In a packed crowd this
 * keeps the scene to the nearest few full avatars plus one cheap mesh, on a school tablet too.
 */
export function FarCrowd() {
  const mesh = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new CylinderGeometry(0.26, 0.3, 1.35, 6), []);
  const material = useMemo(() => new MeshLambertMaterial({ color: '#8d98a5' }), []);
  const shown = useRef(new Map<string, { x: number; z: number }>());
  const matrix = useMemo(() => new Matrix4(), []);

  useFrame((_, dt) => {
    const m = mesh.current;
    if (!m) return;
    const k = Math.min(1, dt * GLIDE);
    let i = 0;
    for (const [id, target] of farPoses) {
      if (i >= CAPACITY) break;
      const at = shown.current.get(id) ?? { ...target };
      at.x += (target.x - at.x) * k;
      at.z += (target.z - at.z) * k;
      shown.current.set(id, at);
      m.setMatrixAt(i++, matrix.makeTranslation(at.x, 0.68, at.z));
    }
    for (const id of shown.current.keys()) if (!farPoses.has(id)) shown.current.delete(id);
    m.count = i;
    m.instanceMatrix.needsUpdate = true;
  });

  return <instancedMesh ref={mesh} args={[geometry, material, CAPACITY]} frustumCulled={false} />;
}
