import { useMemo, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { BoxGeometry, Color, MeshLambertMaterial, Object3D, type Group, type InstancedMesh } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useHallStore } from '../store/hallStore.ts';
import { localPose, remotePoses } from '../store/poses.ts';
import { bodyGeometry, headGeometry, skinMaterial, visorGeometry, visorMaterial } from './avatarParts.ts';
import { NameTag } from './NameTag.tsx';

/**
 * In a crowd only the nearest people (12, or 4 when drawn light) carry name tags: dozens of overlapping labels are unreadable, and
 * each tag is a blended sprite that costs frame time on software-rendered devices (12 → 17 fps with 50).
 */
const TAG_REFRESH_S = 0.25;
/** Room for this many people before the instanced meshes are made again, larger. */
const FIRST_CAPACITY = 128;
const AWAY_COLOR = '#b0b4b8';

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
const place = new Object3D();
const part = new Object3D();
const tint = new Color();
const badgeGeometry = new BoxGeometry(0.16, 0.1, 0.03);
const badgeMaterial = new MeshLambertMaterial({ color: '#f4c430', emissive: '#6b5200' });
const bodyMaterial = new MeshLambertMaterial({ color: '#ffffff' });

/** One part of the person standing at `place`, offset in their own frame. */
function put(mesh: InstancedMesh, i: number, x: number, y: number, z: number): void {
  part.position.set(x, y, z);
  part.updateMatrix();
  mesh.setMatrixAt(i, part.matrix.premultiply(place.matrix));
}

/** The four instanced parts: body (tinted per person), head, visor, staff badge. */
const PARTS = [
  ['body', bodyGeometry, bodyMaterial],
  ['head', headGeometry, skinMaterial],
  ['visor', visorGeometry, visorMaterial],
  ['badge', badgeGeometry, badgeMaterial],
] as const;

/**
 * Everyone in view except ourselves, drawn as four instanced meshes (bodies in each person's colour,
 * heads, visors, staff badges): a hundred people cost four draw calls, not four hundred. React re-renders
 * only when someone appears or leaves, or when the nearest few (who carry name tags) change.
 */
export function RemoteAvatars({ maxTags }: { maxTags: number }) {
  const ids = useHallStore(
    useShallow((s) => Object.keys(s.people).filter((id) => id !== s.selfId && !s.people[id]!.consulting)),
  );
  const capacity = Math.max(FIRST_CAPACITY, 2 ** Math.ceil(Math.log2(Math.max(1, ids.length))));
  const meshes = useRef<Partial<Record<(typeof PARTS)[number][0], InstancedMesh | null>>>({});
  const [tagged, setTagged] = useState<string[]>([]);
  const since = useRef(TAG_REFRESH_S);

  useFrame((_, dt) => {
    since.current += dt;
    if (since.current >= TAG_REFRESH_S) {
      since.current = 0;
      const next = nearest(ids, maxTags);
      if (next.join() !== tagged.join()) setTagged(next);
    }
    const { body: b, head: h, visor: v, badge: s } = meshes.current;
    if (!b || !h || !v || !s) return;
    const people = useHallStore.getState().people;
    const now = performance.now();
    let n = 0;
    let staff = 0;
    for (const id of ids) {
      const buffer = remotePoses.get(id);
      const person = people[id];
      if (!buffer || !person || n >= capacity) continue;
      buffer.sample(now, scratch);
      place.position.set(scratch.x, person.seat ? -0.3 : 0, scratch.z);
      place.rotation.set(0, scratch.ry, 0);
      place.updateMatrix();
      put(b, n, 0, 0.68, 0);
      b.setColorAt(n, tint.set(person.away ? AWAY_COLOR : person.color));
      put(h, n, 0, 1.56, 0);
      put(v, n, 0, 1.6, 0.2);
      if (person.role === 'staff') put(s, staff++, 0.12, 1.05, 0.24);
      n++;
    }
    for (const mesh of [b, h, v]) {
      mesh.count = n;
      mesh.instanceMatrix.needsUpdate = true;
    }
    if (b.instanceColor) b.instanceColor.needsUpdate = true;
    s.count = staff;
    s.instanceMatrix.needsUpdate = true;
  });

  return (
    <group>
      {PARTS.map(([name, geometry, material]) => (
        <instancedMesh
          key={`${name}${capacity}`}
          ref={(m) => {
            meshes.current[name] = m;
          }}
          args={[geometry, material, capacity]}
          frustumCulled={false}
        />
      ))}
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
    ref.current.position.set(at.x, person?.seat ? -0.3 : 0, at.z);
  });
  if (!person) return null;
  return (
    <group ref={ref}>
      <NameTag text={person.nickname} position={[0, 2.2, 0]} />
    </group>
  );
}
