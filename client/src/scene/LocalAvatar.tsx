import { useCallback, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { WAVE_MS } from '../../../shared/protocol/wave.ts';
import { useHallStore } from '../store/hallStore.ts';
import { localPose } from '../store/poses.ts';
import { useWaveStore } from '../store/waveStore.ts';
import { motionWatched, reportMotion } from '../store/avatarMotion.ts';
import { AvatarFigure } from './AvatarFigure.tsx';
import { seedOf, type FigureMotion } from './figurePose.ts';
import { WalkTracker } from './walkTracker.ts';

/**
 * Our own avatar, drawn from the local pose every frame, with a ring on the floor marking "you". It walks
 * as fast as we move and waves when the server has relayed our wave (so we see what the others see).
 */
export function LocalAvatar() {
  const me = useHallStore((s) => (s.selfId ? s.people[s.selfId] : undefined));
  const ref = useRef<Group>(null);
  const walk = useMemo(() => new WalkTracker(), []);
  useFrame(() => {
    const g = ref.current;
    if (!g) return;
    g.position.set(localPose.x, 0, localPose.z);
    g.rotation.y = localPose.ry;
  });
  const id = me?.id ?? '';
  const sitting = !!me?.seat;
  const away = !!me?.away;
  const staff = me?.role === 'staff';
  const seed = useMemo(() => seedOf(id), [id]);
  const animate = useCallback(
    (m: FigureMotion, dt: number) => {
      walk.update(localPose.x, localPose.z, dt);
      const until = useWaveStore.getState().waving[id];
      m.phase = walk.phase;
      m.stride = walk.stride;
      m.seed = seed;
      m.waveS = until === undefined ? -1 : (performance.now() - (until - WAVE_MS)) / 1000;
      if (motionWatched())
        reportMotion(id, {
          walking: walk.walking,
          phase: walk.phase,
          waving: until !== undefined,
          away,
          uniform: staff,
          sitting,
        });
    },
    [walk, id, seed, away, staff, sitting],
  );
  if (!me) return null;
  return (
    <group ref={ref}>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.02, 0]}>
        <ringGeometry args={[0.42, 0.55, 32]} />
        <meshBasicMaterial color="#f5b700" />
      </mesh>
      <AvatarFigure
        color={me.color}
        nickname={me.nickname}
        staff={staff}
        sitting={sitting}
        away={away}
        animate={animate}
      />
    </group>
  );
}
