import { useEffect, useMemo } from 'react';
import type { TextLine, TextTextureOptions } from './textTexture.ts';
import { useTextTexture } from './useTextTexture.ts';
import { SIGN_TILT } from './counterSignLayout.ts';
import { signGeometry } from './signGeometry.ts';
import { useSignScale } from './SignBoard.tsx';
import type { AreaSignSpot } from './areaSignPlan.ts';
import type { PictogramKind } from './pictograms.ts';
import { reportSign } from '../app/testHook.ts';

export interface AreaSignProps {
  spot: AreaSignSpot;
  /** In the resident's language, then small in the second sign language (Japanese, or English for it). */
  main: string;
  second: string;
  pictogram: PictogramKind;
  /** The floor guidance line's colour and name ("緑の線・green line"), for counter areas. */
  accent?: { color: string; label: string };
}

/**
 * Texture pixels per metre fixed per size (rather than a fixed board height), so a name that wraps onto
 * a second line makes the board taller instead of every line smaller: the main line keeps about 0.55 m
 * (large) — some 18 px on a 1280 × 720 screen from the entrance — whatever the language.
 */
const METRES_PER_PIXEL = { large: 0.0085, small: 0.0068 } as const;
/** Past this many texture pixels of text a line wraps, then shrinks: the board stays under ~7 m. */
const MAX_TEXT = { large: 600, small: 420 } as const;
const GREEN = '#006b3f';
const NAVY = '#1c4e80';

/** A hanging wayfinding sign: one textured plane. Usage: <AreaSign spot={s} main="…" second="…" pictogram="counter" /> */
export function AreaSign({ spot, main, second, pictogram, accent }: AreaSignProps) {
  const exit = spot.kind === 'exit';
  const lines: TextLine[] = useMemo(
    () => [
      { text: main, size: 64, bold: true, color: '#ffffff', wrap: true },
      { text: second, size: 34, color: exit ? '#d8f3e4' : '#dfe9f3', wrap: true },
    ],
    [main, second, exit],
  );
  const options: TextTextureOptions = useMemo(
    () => ({
      background: exit ? GREEN : NAVY,
      padding: 18,
      radius: 14,
      maxTextWidth: MAX_TEXT[spot.size],
      pictogram: { kind: pictogram },
      arrow: spot.arrow,
      accent,
    }),
    [exit, spot.size, spot.arrow, pictogram, accent],
  );
  const { texture } = useTextTexture(
    `${spot.id}:${main}|${second}|${accent?.color ?? ''}|${accent?.label ?? ''}`,
    lines,
    options,
  );
  useEffect(() => {
    reportSign(spot.id, [main, second, ...(accent ? [accent.label] : [])]);
    return () => reportSign(spot.id, null);
  }, [spot.id, main, second, accent]);

  const canvas = texture.image as HTMLCanvasElement;
  // Signs grow with the chosen text size, a little less than the text, like the counter signs.
  const scale = useSignScale();
  const k = METRES_PER_PIXEL[spot.size] * scale;
  const [w, h] = [canvas.width * k, canvas.height * k];
  // The exit sign is single-faced, facing into the hall: from the entrance side it would only hide the
  // people arriving.
  const geometry = useMemo(() => signGeometry(w, h, !exit), [w, h, exit]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <group position={spot.position} rotation={[0, spot.yaw, 0]}>
      <mesh rotation={SIGN_TILT} geometry={geometry}>
        <meshBasicMaterial map={texture} transparent toneMapped={false} />
      </mesh>
    </group>
  );
}
