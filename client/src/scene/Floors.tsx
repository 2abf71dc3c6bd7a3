import { useEffect, useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { AreaKind } from '../../../shared/layout/layoutSchema.ts';
import { walkTo } from '../app/localMovement.ts';
import { gesture } from '../store/view.ts';
import { floorGeometry, floorQuads } from './decor/floorGeometry.ts';
import { floorPattern } from './decor/floorTextures.ts';

/**
 * The floors, one merged mesh per kind of area (stone in the lobby, carpet at the counters, wood in the
 * auditorium…), each area tinted with its floorColor; the light view draws them all as one plain mesh.
 * Clicking or tapping a floor walks there (around walls), dragging does not.
 */
export function Floors({ hall, light }: { hall: Hall; light: boolean }) {
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    // The end of a drag or pinch is not a tap.
    if (e.delta > 10 || performance.now() - gesture.endedAt < 250) return;
    walkTo({ x: e.point.x, z: e.point.z });
  };
  const { layout } = hall;
  const meshes = useMemo(() => {
    const quads = floorQuads(layout);
    if (light) return [{ kind: null, geometry: floorGeometry(quads, 1) }];
    const kinds = [...new Set(quads.map((q) => q.kind))];
    return kinds.map((kind: AreaKind) => {
      const pattern = floorPattern(kind);
      return {
        kind,
        geometry: floorGeometry(
          quads.filter((q) => q.kind === kind),
          pattern.metres,
        ),
      };
    });
  }, [layout, light]);
  useEffect(() => () => meshes.forEach((m) => m.geometry.dispose()), [meshes]);
  const b = layout.bounds;
  return (
    <group>
      {/* Pavement around the building, so the hall does not float in the sky. */}
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[(b.minX + b.maxX) / 2, -0.02, (b.minZ + b.maxZ) / 2]}>
        <planeGeometry args={[b.maxX - b.minX + 60, b.maxZ - b.minZ + 60]} />
        <meshLambertMaterial color="#d5dccf" />
      </mesh>
      {meshes.map(({ kind, geometry }) => (
        <mesh key={kind ?? 'plain'} geometry={geometry} onClick={onClick}>
          <meshLambertMaterial vertexColors map={kind ? floorPattern(kind).texture : null} />
        </mesh>
      ))}
    </group>
  );
}
