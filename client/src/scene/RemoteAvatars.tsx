import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useHallStore } from '../store/hallStore.ts';
import { remotePoses } from '../store/poses.ts';
import { AvatarFigure } from './AvatarFigure.tsx';

/** Everyone in view except ourselves. React re-renders only when someone appears or leaves. */
export function RemoteAvatars() {
  const ids = useHallStore(useShallow((s) => Object.keys(s.people).filter((id) => id !== s.selfId)));
  return (
    <group>
      {ids.map((id) => (
        <RemoteAvatar key={id} id={id} />
      ))}
    </group>
  );
}

const scratch = { x: 0, z: 0, ry: 0 };

function RemoteAvatar({ id }: { id: string }) {
  const person = useHallStore((s) => s.people[id]);
  const ref = useRef<Group>(null);
  useFrame(() => {
    const buffer = remotePoses.get(id);
    const g = ref.current;
    if (!buffer || !g) return;
    buffer.sample(performance.now(), scratch);
    g.position.set(scratch.x, 0, scratch.z);
    g.rotation.y = scratch.ry;
  });
  if (!person) return null;
  return (
    <group ref={ref}>
      <AvatarFigure color={person.color} nickname={person.nickname} away={person.away} />
    </group>
  );
}
