import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Mesh, MeshLambertMaterial } from 'three';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { wallBox } from '../../../shared/sim/world.ts';
import { view } from '../store/view.ts';
import { useDisplayStore } from '../store/displayStore.ts';
import { glassFrameGeometry, skirtingGeometry } from './decor/glassFrame.ts';

/** Height of walls across the view nearer the camera: low, so they never hide the people behind them. */
const CUTAWAY_HEIGHT = 1.1;
const CUT_COLOR = '#e9e2d6';
const FULL_COLOR = '#fbf9f4';

/** Which way the camera looks, in quarter turns: 0 north, 1 west, 2 south, 3 east. */
const quarterOf = (yaw: number) => (((Math.round(yaw / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;

/**
 * Walls from the layout, drawn like a doll's house: the walls across the view are cut away (except the
 * far one), the walls along it keep their full height. The camera looks north until the resident
 * turns it; then the cut follows the nearest quarter turn.
 */
export function Walls({ hall }: { hall: Hall }) {
  const { layout } = hall;
  const meshes = useRef<(Mesh | null)[]>([]);
  // Glass walls' aluminium frames (decoration: not in the light view), cut with their panes.
  const light = useDisplayStore((s) => s.light);
  const frames = useRef<(Mesh | null)[]>([]);
  const frameGeometries = useMemo(
    () => layout.walls.map((w) => (w.glass && !light ? glassFrameGeometry(w, layout.wallThickness) : null)),
    [layout, light],
  );
  const skirting = useMemo(
    () => (light ? null : skirtingGeometry(layout.walls, layout.wallThickness)),
    [layout, light],
  );
  useEffect(
    () => () => [...frameGeometries, skirting].forEach((g) => g?.dispose()),
    [frameGeometries, skirting],
  );
  const shownQuarter = useRef(-1);
  useFrame(() => {
    const q = quarterOf(view.yaw);
    if (q === shownQuarter.current) return;
    shownQuarter.current = q;
    layout.walls.forEach((w, i) => {
      const mesh = meshes.current[i];
      if (!mesh) return;
      const across = q % 2 === 0 ? w.from[1] === w.to[1] : w.from[0] === w.to[0];
      const far =
        q === 0
          ? w.from[1] === layout.bounds.minZ
          : q === 1
            ? w.from[0] === layout.bounds.minX
            : q === 2
              ? w.from[1] === layout.bounds.maxZ
              : w.from[0] === layout.bounds.maxX;
      const h = across && !far ? CUTAWAY_HEIGHT : layout.wallHeight;
      mesh.scale.y = h;
      mesh.position.y = h / 2;
      frames.current[i]?.scale.set(1, h, 1);
      if (!w.glass)
        (mesh.material as MeshLambertMaterial).color.set(h < layout.wallHeight ? CUT_COLOR : FULL_COLOR);
    });
  });
  return (
    <group>
      {skirting && (
        <mesh geometry={skirting}>
          <meshLambertMaterial vertexColors />
        </mesh>
      )}
      {layout.walls.map((w, i) => {
        const b = wallBox(w.from, w.to, layout.wallThickness);
        const frame = frameGeometries[i];
        return [
          <mesh
            key={w.id}
            ref={(m) => {
              meshes.current[i] = m;
            }}
            position={[(b.minX + b.maxX) / 2, layout.wallHeight / 2, (b.minZ + b.maxZ) / 2]}
            scale={[1, layout.wallHeight, 1]}
          >
            {/* Unit height, scaled: the cut changes with the view without new geometry. */}
            <boxGeometry args={[b.maxX - b.minX, 1, b.maxZ - b.minZ]} />
            {w.glass ? (
              <meshLambertMaterial color="#9cc9e8" transparent opacity={0.45} />
            ) : (
              <meshLambertMaterial color={FULL_COLOR} />
            )}
          </mesh>,
          frame && (
            <mesh
              key={`${w.id}-frame`}
              ref={(m) => {
                frames.current[i] = m;
              }}
              geometry={frame}
              position={[(b.minX + b.maxX) / 2, 0, (b.minZ + b.maxZ) / 2]}
              scale={[1, layout.wallHeight, 1]}
            >
              <meshLambertMaterial vertexColors />
            </mesh>
          ),
        ];
      })}
    </group>
  );
}
