import {
  badgeGeometry,
  badgeMaterial,
  bodyGeometry,
  bodyMaterial,
  FIGURE_COLORS,
  headGeometry,
  PART_AT,
  SEATED_DROP,
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
    <group position={[0, sitting ? -SEATED_DROP : 0, 0]}>
      <mesh
        geometry={bodyGeometry}
        material={bodyMaterial(away ? FIGURE_COLORS.away : color)}
        position={PART_AT.body}
      />
      <mesh geometry={headGeometry} material={skinMaterial} position={PART_AT.head} />
      <mesh geometry={visorGeometry} material={visorMaterial} position={PART_AT.visor} />
      {staff && <mesh geometry={badgeGeometry} material={badgeMaterial} position={PART_AT.badge} />}
      <NameTag text={nickname} position={[0, 2.2, 0]} ref={tagRef} />
    </group>
  );
}
