import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group, Sprite } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useHallStore } from '../store/hallStore.ts';
import { localPose, remotePoses } from '../store/poses.ts';
import { AvatarFigure } from './AvatarFigure.tsx';

/**
 * In a crowd only the nearest people carry name tags: dozens of overlapping labels are unreadable, and
 * each tag is a blended sprite that costs frame time on software-rendered devices (12 → 17 fps with 50).
 */
const MAX_TAGS = 12;
const TAG_REFRESH_S = 0.25;
const taggedIds = new Set<string>();

function refreshTagged(): void {
  const byDistance = [...remotePoses]
    .map(([id, b]) => {
      const p = b.latest;
      return { id, d: p ? Math.hypot(p.x - localPose.x, p.z - localPose.z) : Infinity };
    })
    .sort((a, b) => a.d - b.d);
  taggedIds.clear();
  for (const { id } of byDistance.slice(0, MAX_TAGS)) taggedIds.add(id);
}

/** Everyone in view except ourselves. React re-renders only when someone appears or leaves. */
export function RemoteAvatars() {
  const ids = useHallStore(
    useShallow((s) => Object.keys(s.people).filter((id) => id !== s.selfId && !s.people[id]!.consulting)),
  );
  const since = useRef(TAG_REFRESH_S);
  useFrame((_, dt) => {
    since.current += dt;
    if (since.current < TAG_REFRESH_S) return;
    since.current = 0;
    refreshTagged();
  });
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
  const tagRef = useRef<Sprite>(null);
  useFrame(() => {
    const buffer = remotePoses.get(id);
    const g = ref.current;
    if (!buffer || !g) return;
    if (tagRef.current) tagRef.current.visible = taggedIds.has(id);
    buffer.sample(performance.now(), scratch);
    g.position.set(scratch.x, 0, scratch.z);
    g.rotation.y = scratch.ry;
  });
  if (!person) return null;
  return (
    <group ref={ref}>
      <AvatarFigure
        color={person.color}
        nickname={person.nickname}
        away={person.away}
        tagRef={tagRef}
        staff={person.role === 'staff'}
        sitting={!!person.seat}
      />
    </group>
  );
}
