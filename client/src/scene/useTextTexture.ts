import { useEffect, useMemo, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { CanvasTexture } from 'three';
import {
  createTextTexture,
  drawText,
  loadFontsFor,
  type TextLine,
  type TextTextureOptions,
} from './textTexture.ts';

/**
 * A texture showing `lines`, redrawn once the web font's glyphs have loaded; only inside a Canvas. `key`
 * must change when the content changes (it stands in for deep comparison of lines/options).
 */
export function useTextTexture(
  key: string,
  lines: TextLine[],
  opts?: TextTextureOptions,
): { texture: CanvasTexture; aspect: number } {
  const canvas = useMemo(() => document.createElement('canvas'), []);
  const [aspect, setAspect] = useState(() => drawText(canvas, lines, opts));
  const texture = useMemo(() => createTextTexture(canvas), [canvas]);
  // The scene draws only when asked: a redrawn texture of the same shape changes no prop, so ask.
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    let live = true;
    const redraw = () => {
      setAspect(drawText(canvas, lines, opts));
      texture.needsUpdate = true;
      invalidate();
    };
    redraw();
    void loadFontsFor(lines).then(() => {
      if (live) redraw();
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` summarises lines and opts
  }, [key, canvas, texture, invalidate]);

  useEffect(() => () => texture.dispose(), [texture]);
  return { texture, aspect };
}
