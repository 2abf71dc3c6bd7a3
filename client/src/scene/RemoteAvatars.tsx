import { useMemo, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, MeshLambertMaterial, type Group, type Mesh } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useHallStore } from '../store/hallStore.ts';
import { localPose, remotePoses } from '../store/poses.ts';
import {
  badgeGeometry,
  bodyGeometry,
  FIGURE_COLORS,
  headGeometry,
  PART_AT,
  SEATED_DROP,
  visorGeometry,
} from './avatarParts.ts';
import { addFarFigure, FAR_FIGURE_VERTICES, farFigureMaterial, farView } from './farFigure.ts';
import { CrowdBatch, flatten, verticesOf } from './crowdBatch.ts';
import { NameTag } from './NameTag.tsx';

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

// The 3D figure's parts in its own frame, each copied into the batch per person.
const BODY = flatten(bodyGeometry, ...PART_AT.body);
const HEAD = flatten(headGeometry, ...PART_AT.head);
const VISOR = flatten(visorGeometry, ...PART_AT.visor);
const BADGE = flatten(badgeGeometry, ...PART_AT.badge);
const FIGURE_VERTICES = verticesOf(BODY) + verticesOf(HEAD) + verticesOf(VISOR) + verticesOf(BADGE);
const SKIN = new Color(FIGURE_COLORS.skin);
const VISOR_COLOR = new Color(FIGURE_COLORS.visor);
/** The badge's colour with its glow added: vertex colours cannot glow (emissive) as its material does. */
const BADGE_COLOR = new Color(FIGURE_COLORS.badge).add(new Color(FIGURE_COLORS.badgeGlow));
const figureMaterial = new MeshLambertMaterial({ vertexColors: true });

const scratch = { x: 0, z: 0, ry: 0 };
const tint = new Color();

/**
 * Everyone in view except ourselves, in two draws: 3D figures (body in each person's colour, head,
 * visor, a badge for staff) near by, and flat pictures of body and head further away. Both are
 * single meshes written every frame (crowdBatch.ts), not instanced meshes: a hundred people are two
 * draw calls and a few thousand triangles. People nearer than DETAIL_RADIUS_M are 3D figures, and staff
 * always are (few, and the ones residents look for); when drawn light only staff are. React re-renders
 * only when someone appears or leaves, or when the nearest few (who carry name tags) change.
 */
export function RemoteAvatars({ maxTags, light }: { maxTags: number; light: boolean }) {
  const ids = useHallStore(
    useShallow((s) => Object.keys(s.people).filter((id) => id !== s.selfId && !s.people[id]!.consulting)),
  );
  const [tagged, setTagged] = useState<string[]>([]);
  const since = useRef(TAG_REFRESH_S);
  const figures = useMemo(() => new CrowdBatch({ normal: true, uv: false }, 64 * FIGURE_VERTICES), []);
  const pictures = useMemo(() => new CrowdBatch({ normal: false, uv: true }, 128 * FAR_FIGURE_VERTICES), []);
  const figureMesh = useRef<Mesh>(null);
  const pictureMesh = useRef<Mesh>(null);
  const pictureMaterial = useMemo(farFigureMaterial, []);

  useFrame(({ camera }, dt) => {
    since.current += dt;
    if (since.current >= TAG_REFRESH_S) {
      since.current = 0;
      const next = nearest(ids, maxTags);
      if (next.join() !== tagged.join()) setTagged(next);
    }
    if (!figureMesh.current || !pictureMesh.current) return;
    if (figures.begin(ids.length * FIGURE_VERTICES)) figureMesh.current.geometry = figures.geometry;
    if (pictures.begin(ids.length * FAR_FIGURE_VERTICES)) pictureMesh.current.geometry = pictures.geometry;
    const people = useHallStore.getState().people;
    const now = performance.now();
    const seen = farView(camera);
    for (const id of ids) {
      const buffer = remotePoses.get(id);
      const person = people[id];
      if (!buffer || !person) continue;
      buffer.sample(now, scratch);
      const y = person.seat ? -SEATED_DROP : 0;
      const color = tint.set(person.away ? FIGURE_COLORS.away : person.color);
      const staff = person.role === 'staff';
      const near = Math.hypot(scratch.x - localPose.x, scratch.z - localPose.z) < DETAIL_RADIUS_M;
      if (staff || (near && !light)) {
        figures.addPart(BODY, scratch.x, y, scratch.z, scratch.ry, color);
        figures.addPart(HEAD, scratch.x, y, scratch.z, scratch.ry, SKIN);
        figures.addPart(VISOR, scratch.x, y, scratch.z, scratch.ry, VISOR_COLOR);
        if (staff) figures.addPart(BADGE, scratch.x, y, scratch.z, scratch.ry, BADGE_COLOR);
        continue;
      }
      addFarFigure(pictures, seen, scratch.x, y, scratch.z, color);
    }
    figures.end();
    pictures.end();
  });

  return (
    <group>
      <mesh ref={figureMesh} geometry={figures.geometry} material={figureMaterial} frustumCulled={false} />
      <mesh ref={pictureMesh} geometry={pictures.geometry} material={pictureMaterial} frustumCulled={false} />
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
