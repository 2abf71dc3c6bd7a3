import { useEffect, useMemo, type Ref } from 'react';
import { useFrame } from '@react-three/fiber';
import { Sphere, Vector3, type Sprite } from 'three';
import { awayFigureMaterial, FIGURE_VERTICES, figureMaterial, SEATED_DROP } from './avatarParts.ts';
import { CrowdBatch } from './crowdBatch.ts';
import { newPose, poseOf, restingMotion, type FigureMotion } from './figurePose.ts';
import { lookOf, writeFigure } from './figureWriter.ts';
import { NameTag } from './NameTag.tsx';
import { useDisplayStore } from '../store/displayStore.ts';

export interface AvatarFigureProps {
  color: string;
  nickname: string;
  /** Greyed and see-through while the owner's connection is lost. */
  away?: boolean;
  /** Lets the owner hide the tag (far avatars in a crowd) without re-rendering. */
  tagRef?: Ref<Sprite>;
  /** Staff wear the uniform (navy jacket, shirt and tie, arm band, name plate). */
  staff?: boolean;
  /** Seated (an auditorium seat, a consultation desk): hips on a 0.5 m seat, knees bent. */
  sitting?: boolean;
  /** Called every drawn frame to set the walk and wave (our own avatar); still otherwise. */
  animate?: (motion: FigureMotion, dt: number) => void;
}

/** Where clicks find the figure: its vertices are written each frame, so the bounds are given once. */
const BOUNDS = new Sphere(new Vector3(0, 0.95, 0), 1.1);

/**
 * One person's figure (the same body the crowd batches, figureWriter.ts), in its own frame facing +z,
 * with a name tag. Usage: <AvatarFigure color="#1971c2" nickname="たなか" sitting />
 */
export function AvatarFigure({
  color,
  nickname,
  away = false,
  tagRef,
  staff = false,
  sitting = false,
  animate,
}: AvatarFigureProps) {
  const light = useDisplayStore((s) => s.light);
  const batch = useMemo(() => new CrowdBatch({ normal: true, uv: false }, FIGURE_VERTICES), []);
  // The geometry is this figure's own (a consultation or the guide mounts and unmounts): freed with it.
  useEffect(() => () => batch.geometry.dispose(), [batch]);
  const motion = useMemo(restingMotion, []);
  const pose = useMemo(newPose, []);
  useFrame((_, dt) => {
    motion.stride = 0;
    motion.waveS = -1;
    motion.sitting = sitting;
    // The light tier drops the idle motion; otherwise it shows whenever the hall draws anyway.
    motion.idleS = light ? -1 : performance.now() / 1000;
    animate?.(motion, dt);
    batch.begin(FIGURE_VERTICES);
    lookOf(color, staff, away);
    writeFigure(batch, 0, 0, 0, 0, poseOf(motion, pose), sitting);
    batch.end();
    batch.geometry.boundingSphere = BOUNDS;
  });
  return (
    <group>
      <mesh
        geometry={batch.geometry}
        material={away ? awayFigureMaterial : figureMaterial}
        frustumCulled={false}
      />
      <NameTag text={nickname} position={[0, sitting ? 2.2 - SEATED_DROP : 2.2, 0]} ref={tagRef} />
    </group>
  );
}
