import { useEffect, useMemo, useState } from 'react';
import type { CanvasTexture } from 'three';
import {
  createTextTexture,
  drawText,
  loadFontsFor,
  type TextLine,
  type TextTextureOptions,
} from './textTexture.ts';

/**
 * A texture showing `lines`, redrawn once the web font's glyphs have loaded. `key` must change when the
 * content changes (it stands in for deep comparison of lines/options).
 */
export function useTextTexture(
  key: string,
  lines: TextLine[],
  opts?: TextTextureOptions,
): { texture: CanvasTexture; aspect: number } {
  const canvas = useMemo(() => document.createElement('canvas'), []);
  const [aspect, setAspect] = useState(() => drawText(canvas, lines, opts));
  const texture = useMemo(() => createTextTexture(canvas), [canvas]);

  useEffect(() => {
    let live = true;
    setAspect(drawText(canvas, lines, opts));
    texture.needsUpdate = true;
    void loadFontsFor(lines).then(() => {
      if (!live) return;
      setAspect(drawText(canvas, lines, opts));
      texture.needsUpdate = true;
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` summarises lines and opts
  }, [key, canvas, texture]);

  useEffect(() => () => texture.dispose(), [texture]);
  return { texture, aspect };
}
