import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Mesh } from 'three';
import { localIntent } from '../store/poses.ts';

/** A ring where the avatar is walking to, while it walks there. */
export function WalkMarker() {
  const ref = useRef<Mesh>(null);
  useFrame(({ clock }) => {
    const m = ref.current;
    if (!m) return;
    const wp = localIntent.plan?.waypoints;
    const end = wp && wp.length > 0 ? wp[wp.length - 1] : undefined;
    m.visible = end !== undefined;
    if (end) {
      m.position.set(end.x, 0.03, end.z);
      m.scale.setScalar(1 + 0.12 * Math.sin(clock.elapsedTime * 5));
    }
  });
  return (
    <mesh ref={ref} rotation={[-Math.PI / 2, 0, 0]} visible={false}>
      <ringGeometry args={[0.3, 0.45, 28]} />
      <meshBasicMaterial color="#1c4e80" transparent opacity={0.8} />
    </mesh>
  );
}
