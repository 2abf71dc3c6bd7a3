import {
  bodyGeometry,
  bodyMaterial,
  headGeometry,
  skinMaterial,
  visorGeometry,
  visorMaterial,
} from './avatarParts.ts';
import type { Ref } from 'react';
import type { Sprite } from 'three';
import { NameTag } from './NameTag.tsx';

export interface AvatarFigureProps {
  color: string;
  nickname: string;
  /** Dimmed while the owner's connection is lost. */
  away?: boolean;
  /** Lets the owner hide the tag (far avatars in a crowd) without re-rendering. */
  tagRef?: Ref<Sprite>;
  /** Staff wear a gold badge on the chest, so residents can tell who works here. */
  staff?: boolean;
  /** Seated in the auditorium: the figure sinks onto the chair. */
  sitting?: boolean;
}

/** Body, head and a visor that shows which way the avatar faces (+z in local space), with a name tag. */
export function AvatarFigure({
  color,
  nickname,
  away = false,
  tagRef,
  staff = false,
  sitting = false,
}: AvatarFigureProps) {
  return (
    <group position={[0, sitting ? -0.3 : 0, 0]}>
      <mesh
        geometry={bodyGeometry}
        material={bodyMaterial(away ? '#b0b4b8' : color)}
        position={[0, 0.68, 0]}
      />
      <mesh geometry={headGeometry} material={skinMaterial} position={[0, 1.56, 0]} />
      <mesh geometry={visorGeometry} material={visorMaterial} position={[0, 1.6, 0.2]} />
      {staff && (
        <mesh position={[0.12, 1.05, 0.24]}>
          <boxGeometry args={[0.16, 0.1, 0.03]} />
          <meshLambertMaterial color="#f4c430" emissive="#6b5200" />
        </mesh>
      )}
      <NameTag text={nickname} position={[0, 2.2, 0]} ref={tagRef} />
    </group>
  );
}
