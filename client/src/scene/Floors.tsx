import type { ThreeEvent } from '@react-three/fiber';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { walkTo } from '../app/localMovement.ts';
import { gesture } from '../store/view.ts';

/** One tinted floor per area; clicking or tapping a floor walks there (around walls), dragging does not. */
export function Floors({ hall }: { hall: Hall }) {
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    // The end of a drag or pinch is not a tap.
    if (e.delta > 10 || performance.now() - gesture.endedAt < 250) return;
    walkTo({ x: e.point.x, z: e.point.z });
  };
  const b = hall.layout.bounds;
  return (
    <group>
      {/* Pavement around the building, so the hall does not float in the sky. */}
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[(b.minX + b.maxX) / 2, -0.02, (b.minZ + b.maxZ) / 2]}>
        <planeGeometry args={[b.maxX - b.minX + 60, b.maxZ - b.minZ + 60]} />
        <meshLambertMaterial color="#d5dccf" />
      </mesh>
      {hall.layout.areas.map((a) => (
        <mesh
          key={a.id}
          rotation={[-Math.PI / 2, 0, 0]}
          position={[(a.rect.minX + a.rect.maxX) / 2, 0, (a.rect.minZ + a.rect.maxZ) / 2]}
          onClick={onClick}
        >
          <planeGeometry args={[a.rect.maxX - a.rect.minX, a.rect.maxZ - a.rect.minZ]} />
          <meshLambertMaterial color={a.floorColor} />
        </mesh>
      ))}
    </group>
  );
}
