import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { wallBox } from '../../../shared/sim/world.ts';

/** Height of east–west walls nearer the camera: low, so they never hide the people behind them. */
const CUTAWAY_HEIGHT = 1.1;

/**
 * Walls from the layout. The camera looks north, so walls running east–west (except the far north wall)
 * are drawn cut away like a doll's house; walls running north–south keep their full height.
 */
export function Walls({ hall }: { hall: Hall }) {
  const { layout } = hall;
  return (
    <group>
      {layout.walls.map((w) => {
        const b = wallBox(w.from, w.to, layout.wallThickness);
        const eastWest = w.from[1] === w.to[1];
        const cut = eastWest && w.from[1] !== layout.bounds.minZ;
        const h = cut ? CUTAWAY_HEIGHT : layout.wallHeight;
        return (
          <mesh key={w.id} position={[(b.minX + b.maxX) / 2, h / 2, (b.minZ + b.maxZ) / 2]}>
            <boxGeometry args={[b.maxX - b.minX, h, b.maxZ - b.minZ]} />
            {w.glass ? (
              <meshLambertMaterial color="#9cc9e8" transparent opacity={0.45} />
            ) : (
              <meshLambertMaterial color={cut ? '#e9e2d6' : '#fbf9f4'} />
            )}
          </mesh>
        );
      })}
    </group>
  );
}
