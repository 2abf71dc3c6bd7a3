import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { useHallStore } from '../store/hallStore.ts';
import { localPose } from '../store/poses.ts';
import { AvatarFigure } from './AvatarFigure.tsx';

/** Our own avatar, drawn from the local pose every frame, with a ring on the floor marking "you". */
export function LocalAvatar() {
  const me = useHallStore((s) => (s.selfId ? s.people[s.selfId] : undefined));
  const ref = useRef<Group>(null);
  useFrame(() => {
    const g = ref.current;
    if (!g) return;
    g.position.set(localPose.x, 0, localPose.z);
    g.rotation.y = localPose.ry;
  });
  if (!me) return null;
  return (
    <group ref={ref}>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.02, 0]}>
        <ringGeometry args={[0.42, 0.55, 32]} />
        <meshBasicMaterial color="#f5b700" />
      </mesh>
      <AvatarFigure color={me.color} nickname={me.nickname} staff={me.role === 'staff'} sitting={!!me.seat} />
    </group>
  );
}
