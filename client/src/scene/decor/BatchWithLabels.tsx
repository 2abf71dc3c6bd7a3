import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { BufferGeometry } from 'three';
import type { LabelAtlas } from './labelAtlas.ts';

/**
 * A merged, vertex-coloured mesh and the label quads printed on it from one atlas: two draw calls. The
 * atlas draws once its fonts are in, then asks for a frame; both geometries and the texture are disposed
 * when they are replaced (another plan, the light view).
 */
export function BatchWithLabels({
  geometry,
  labels,
}: {
  geometry: BufferGeometry | null;
  labels: { atlas: LabelAtlas; geometry: BufferGeometry | null } | null;
}) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  useEffect(() => {
    let live = true;
    void labels?.atlas.redrawn.then(() => live && invalidate());
    return () => {
      live = false;
      labels?.geometry?.dispose();
      labels?.atlas.texture.dispose();
    };
  }, [labels, invalidate]);
  return (
    <group>
      {geometry && (
        <mesh geometry={geometry}>
          <meshLambertMaterial vertexColors />
        </mesh>
      )}
      {labels?.geometry && (
        <mesh geometry={labels.geometry}>
          <meshBasicMaterial map={labels.atlas.texture} alphaTest={0.5} />
        </mesh>
      )}
    </group>
  );
}
