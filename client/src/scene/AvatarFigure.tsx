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
}

/** Body, head and a visor that shows which way the avatar faces (+z in local space), with a name tag. */
export function AvatarFigure({ color, nickname, away = false, tagRef }: AvatarFigureProps) {
  return (
    <group>
      <mesh
        geometry={bodyGeometry}
        material={bodyMaterial(away ? '#b0b4b8' : color)}
        position={[0, 0.68, 0]}
      />
      <mesh geometry={headGeometry} material={skinMaterial} position={[0, 1.56, 0]} />
      <mesh geometry={visorGeometry} material={visorMaterial} position={[0, 1.6, 0.2]} />
      <NameTag text={nickname} position={[0, 2.2, 0]} ref={tagRef} />
    </group>
  );
}
