import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, type Group, type Mesh } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useHallStore } from '../store/hallStore.ts';
import { localPose, remotePoses } from '../store/poses.ts';
import { useWaveStore } from '../store/waveStore.ts';
import { avatarMotion, motionWatched, reportMotion } from '../store/avatarMotion.ts';
import { WAVE_MS } from '../../../shared/protocol/wave.ts';
import {
  awayFigureMaterial,
  FIGURE_COLORS,
  FIGURE_VERTICES,
  figureMaterial,
  SEATED_DROP,
} from './avatarParts.ts';
import { addFarFigure, FAR_FIGURE_VERTICES, farFigureMaterial, farView } from './farFigure.ts';
import { CrowdBatch } from './crowdBatch.ts';
import { NameTag } from './NameTag.tsx';
import { WalkTracker } from './walkTracker.ts';
import { newPose, poseOf, restingMotion, seedOf } from './figurePose.ts';
import { lookOf, writeFigure } from './figureWriter.ts';

/**
 * In a crowd only the nearest people (12, or 4 when drawn light) carry name tags: dozens of overlapping
 * labels are unreadable, and each tag is a blended sprite that costs frame time on software-rendered
 * devices (12 → 17 fps with 50).
 */
const TAG_REFRESH_S = 0.25;
/** Closer than this to us, people are 3D figures; further, flat pictures facing the camera. */
const DETAIL_RADIUS_M = 4;

function nearest(ids: readonly string[], count: number): string[] {
  return ids
    .map((id) => {
      const p = remotePoses.get(id)?.latest;
      return { id, d: p ? Math.hypot(p.x - localPose.x, p.z - localPose.z) : Infinity };
    })
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.id);
}

const scratch = { x: 0, z: 0, ry: 0 };
const motion = restingMotion();
const pose = newPose();
const grey = new Color(FIGURE_COLORS.away);
const tint = new Color();

/**
 * Everyone in view except ourselves, in a few draws: 3D figures near by (a body that walks, sits and
 * waves, see figurePose.ts; staff in uniform), the same see-through and grey for anyone away (a draw
 * only while someone is), and flat pictures further away. Each is a single mesh written every frame
 * (crowdBatch.ts), not instanced meshes: a hundred people are a few draw calls and a few thousand
 * triangles. People nearer than DETAIL_RADIUS_M are 3D figures, and staff always are (few, and the ones
 * residents look for), as is anyone waving; when drawn light only those are, without idle motion. The idle motion is a
 * function of the clock, shown whenever the hall draws anyway: it never asks for a frame. React
 * re-renders only when someone appears or leaves, or when the nearest few (who carry name tags) change.
 */
export function RemoteAvatars({ maxTags, light }: { maxTags: number; light: boolean }) {
  const ids = useHallStore(
    useShallow((s) => Object.keys(s.people).filter((id) => id !== s.selfId && !s.people[id]!.consulting)),
  );
  const [tagged, setTagged] = useState<string[]>([]);
  const since = useRef(TAG_REFRESH_S);
  const batches = useMemo(
    () => ({
      figures: new CrowdBatch({ normal: true, uv: false }, 16 * FIGURE_VERTICES),
      away: new CrowdBatch({ normal: true, uv: false }, 4 * FIGURE_VERTICES),
      pictures: new CrowdBatch({ normal: false, uv: true }, 128 * FAR_FIGURE_VERTICES),
    }),
    [],
  );
  const walks = useMemo(() => new Map<string, WalkTracker>(), []);
  const figureMesh = useRef<Mesh>(null);
  const awayMesh = useRef<Mesh>(null);
  const pictureMesh = useRef<Mesh>(null);
  const pictureMaterial = useMemo(farFigureMaterial, []);

  useFrame(({ camera }, dt) => {
    since.current += dt;
    if (since.current >= TAG_REFRESH_S) {
      since.current = 0;
      const next = nearest(ids, maxTags);
      if (next.join() !== tagged.join()) setTagged(next);
    }
    if (!figureMesh.current || !awayMesh.current || !pictureMesh.current) return;
    const { figures, away, pictures } = batches;
    if (figures.begin(ids.length * FIGURE_VERTICES)) figureMesh.current.geometry = figures.geometry;
    if (away.begin(ids.length * FIGURE_VERTICES)) awayMesh.current.geometry = away.geometry;
    if (pictures.begin(ids.length * FAR_FIGURE_VERTICES)) pictureMesh.current.geometry = pictures.geometry;
    const people = useHallStore.getState().people;
    const waving = useWaveStore.getState().waving;
    const now = performance.now();
    const seen = farView(camera);
    const watched = motionWatched();
    for (const id of ids) {
      const buffer = remotePoses.get(id);
      const person = people[id];
      if (!buffer || !person) continue;
      buffer.sample(now, scratch);
      let walk = walks.get(id);
      if (!walk) walks.set(id, (walk = new WalkTracker(seedOf(id))));
      walk.update(scratch.x, scratch.z, dt);
      const staff = person.role === 'staff';
      const sitting = !!person.seat;
      const waveUntil = waving[id];
      const near = Math.hypot(scratch.x - localPose.x, scratch.z - localPose.z) < DETAIL_RADIUS_M;
      // Someone waving is a figure for the wave's two seconds, however far: a picture cannot wave.
      const figure = staff || waveUntil !== undefined || (near && !light);
      if (watched)
        reportMotion(id, {
          walking: walk.walking,
          phase: walk.phase,
          waving: waveUntil !== undefined,
          away: person.away,
          uniform: figure && staff,
          sitting,
        });
      if (!figure) {
        const color = person.away ? grey : tint.set(person.color);
        addFarFigure(pictures, seen, scratch.x, sitting ? -SEATED_DROP : 0, scratch.z, color);
        continue;
      }
      motion.phase = walk.phase;
      motion.stride = walk.stride;
      motion.sitting = sitting;
      motion.waveS = waveUntil === undefined ? -1 : (now - (waveUntil - WAVE_MS)) / 1000;
      motion.idleS = light ? -1 : now / 1000;
      motion.seed = walk.seed;
      lookOf(person.color, staff, person.away);
      writeFigure(
        person.away ? away : figures,
        scratch.x,
        0,
        scratch.z,
        scratch.ry,
        poseOf(motion, pose),
        sitting,
      );
    }
    figures.end();
    away.end();
    pictures.end();
  });

  // Who left takes their walk with them.
  useEffect(() => {
    for (const id of walks.keys()) {
      if (ids.includes(id)) continue;
      walks.delete(id);
      avatarMotion.delete(id);
    }
  }, [ids, walks]);

  return (
    <group>
      <mesh
        ref={figureMesh}
        geometry={batches.figures.geometry}
        material={figureMaterial}
        frustumCulled={false}
      />
      <mesh
        ref={awayMesh}
        geometry={batches.away.geometry}
        material={awayFigureMaterial}
        frustumCulled={false}
      />
      <mesh
        ref={pictureMesh}
        geometry={batches.pictures.geometry}
        material={pictureMaterial}
        frustumCulled={false}
      />
      {tagged.map((id) => (
        <FollowingTag key={id} id={id} />
      ))}
    </group>
  );
}

/** The name tag of one of the nearest people, following them. */
function FollowingTag({ id }: { id: string }) {
  const person = useHallStore((s) => s.people[id]);
  const ref = useRef<Group>(null);
  const at = useMemo(() => ({ x: 0, z: 0, ry: 0 }), []);
  useFrame(() => {
    const buffer = remotePoses.get(id);
    if (!buffer || !ref.current) return;
    buffer.sample(performance.now(), at);
    ref.current.position.set(at.x, person?.seat ? -SEATED_DROP : 0, at.z);
  });
  if (!person) return null;
  return (
    <group ref={ref}>
      <NameTag text={person.nickname} position={[0, 2.2, 0]} />
    </group>
  );
}
