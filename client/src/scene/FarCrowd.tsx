import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, type Mesh } from 'three';
import { farPoses } from '../store/poses.ts';
import { addFarFigure, FAR_FIGURE_VERTICES, farFigureMaterial, farView } from './farFigure.ts';
import { CrowdBatch } from './crowdBatch.ts';

/** Markers glide to their new spot (they move only a few times a second) at this rate per second. */
const GLIDE = 8;
const MARKER = new Color('#8d98a5');

/**
 * The people a little further away: plain grey figures without names, drawn as flat pictures in one
 * mesh (crowdBatch.ts). In a packed crowd this keeps the scene to the nearest few full avatars plus one
 * cheap draw, on a school tablet too.
 */
export function FarCrowd() {
  const mesh = useRef<Mesh>(null);
  const batch = useMemo(() => new CrowdBatch({ normal: false, uv: true }, 128 * FAR_FIGURE_VERTICES), []);
  const material = useMemo(farFigureMaterial, []);
  const shown = useRef(new Map<string, { x: number; z: number }>());

  useFrame(({ camera }, dt) => {
    if (!mesh.current) return;
    if (batch.begin(farPoses.size * FAR_FIGURE_VERTICES)) mesh.current.geometry = batch.geometry;
    // Capped: the first frame after a still spell comes seconds after the one before.
    const k = Math.min(1, Math.min(dt, 0.1) * GLIDE);
    const seen = farView(camera);
    for (const [id, target] of farPoses) {
      const s = shown.current.get(id) ?? { ...target };
      s.x += (target.x - s.x) * k;
      s.z += (target.z - s.z) * k;
      shown.current.set(id, s);
      addFarFigure(batch, seen, s.x, 0, s.z, MARKER);
    }
    for (const id of shown.current.keys()) if (!farPoses.has(id)) shown.current.delete(id);
    batch.end();
  });

  return <mesh ref={mesh} geometry={batch.geometry} material={material} frustumCulled={false} />;
}
