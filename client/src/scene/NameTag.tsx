import type { Ref } from 'react';
import type { Sprite } from 'three';
import { useTextTexture } from './useTextTexture.ts';
import { TEXT_SCALE, useDisplayStore } from '../store/displayStore.ts';

const TAG_HEIGHT = 0.46;

/** A camera-facing name label. Usage: <NameTag text="たなか" position={[0, 2.2, 0]} /> */
export interface NameTagProps {
  text: string;
  position: [number, number, number];
  ref?: Ref<Sprite>;
}

export function NameTag({ text, position, ref }: NameTagProps) {
  const { texture, aspect } = useTextTexture(
    `tag:${text}`,
    [{ text, size: 40, bold: true, color: '#ffffff' }],
    {
      background: 'rgba(20, 32, 48, 0.78)',
      padding: 12,
      radius: 18,
    },
  );
  // Name tags follow the chosen text size.
  const height = TAG_HEIGHT * TEXT_SCALE[useDisplayStore((s) => s.textSize)];
  return (
    <sprite ref={ref} position={position} scale={[height * aspect, height, 1]}>
      <spriteMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
    </sprite>
  );
}
