import { useEffect, useMemo } from 'react';
import type { Texture } from 'three';
import type { TextLine, TextTextureOptions } from './textTexture.ts';
import { useTextTexture } from './useTextTexture.ts';
import { TEXT_SCALE, useDisplayStore } from '../store/displayStore.ts';
import { signGeometry } from './signGeometry.ts';

export interface SignBoardProps {
  id: string;
  lines: TextLine[];
  options?: TextTextureOptions;
  position: [number, number, number];
  /** Height of the board in metres; width follows the text. */
  height: number;
  rotation?: [number, number, number];
}

/** Signs grow with the chosen text size, a little less than the text (they sit among walls and desks). */
export function useSignScale(): number {
  return 1 + (TEXT_SCALE[useDisplayStore((s) => s.textSize)] - 1) * 0.6;
}

/** A textured board readable from both faces (never mirrored from behind), in one draw call. */
export function SignPlane({
  texture,
  width,
  height,
  position,
  rotation,
}: {
  texture: Texture;
  width: number;
  height: number;
  position: [number, number, number];
  rotation?: [number, number, number];
}) {
  const geometry = useMemo(() => signGeometry(width, height), [width, height]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh position={position} rotation={rotation} geometry={geometry}>
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  );
}

/** A flat sign with text. Usage: <SignBoard id="c1" lines={[...]} position={[0, 3, 0]} height={0.8} /> */
export function SignBoard({ id, lines, options, position, height, rotation }: SignBoardProps) {
  const { texture, aspect } = useTextTexture(`${id}:${lines.map((l) => l.text).join('|')}`, lines, options);
  const h = height * useSignScale();
  return (
    <SignPlane texture={texture} width={h * aspect} height={h} position={position} rotation={rotation} />
  );
}
