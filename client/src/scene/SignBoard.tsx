import { DoubleSide } from 'three';
import type { TextLine, TextTextureOptions } from './textTexture.ts';
import { useTextTexture } from './useTextTexture.ts';
import { TEXT_SCALE, useDisplayStore } from '../store/displayStore.ts';

export interface SignBoardProps {
  id: string;
  lines: TextLine[];
  options?: TextTextureOptions;
  position: [number, number, number];
  /** Height of the board in metres; width follows the text. */
  height: number;
  rotation?: [number, number, number];
}

/** A flat sign with text. Usage: <SignBoard id="c1" lines={[...]} position={[0, 3, 0]} height={0.8} /> */
export function SignBoard({ id, lines, options, position, height, rotation }: SignBoardProps) {
  const { texture, aspect } = useTextTexture(`${id}:${lines.map((l) => l.text).join('|')}`, lines, options);
  // Signs grow with the chosen text size, a little less than the text (they sit among walls and desks).
  const scale = 1 + (TEXT_SCALE[useDisplayStore((s) => s.textSize)] - 1) * 0.6;
  const h = height * scale;
  return (
    <mesh position={position} rotation={rotation}>
      <planeGeometry args={[h * aspect, h]} />
      <meshBasicMaterial map={texture} transparent side={DoubleSide} toneMapped={false} />
    </mesh>
  );
}
