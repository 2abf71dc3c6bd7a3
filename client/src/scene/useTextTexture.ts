import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { CanvasTexture } from 'three';
import {
  createTextTexture,
  drawText,
  loadFontsFor,
  textureAfterRedraw,
  type TextLine,
  type TextTextureOptions,
} from './textTexture.ts';

/**
 * A texture showing `lines`, redrawn once the web font's glyphs have loaded; only inside a Canvas. `key`
 * must change when the content changes (it stands in for deep comparison of lines/options). A redraw at
 * another size returns a new texture (see textureAfterRedraw); the one it replaces is disposed.
 */
export function useTextTexture(
  key: string,
  lines: TextLine[],
  opts?: TextTextureOptions,
): { texture: CanvasTexture; aspect: number } {
  const canvas = useMemo(() => document.createElement('canvas'), []);
  const [sign, setSign] = useState(() => {
    const aspect = drawText(canvas, lines, opts);
    return { texture: createTextTexture(canvas), aspect };
  });
  // The texture the latest redraw produced, which the next redraw starts from (state may lag behind).
  const latest = useRef(sign.texture);
  // The scene draws only when asked: a redrawn texture of the same shape changes no prop, so ask.
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    let live = true;
    const redraw = () => {
      const aspect = drawText(canvas, lines, opts);
      latest.current = textureAfterRedraw(latest.current, canvas);
      setSign({ texture: latest.current, aspect });
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
  }, [key, canvas, invalidate]);

  // Runs once the material shows the next texture (or the sign is gone): the old storage is freed.
  useEffect(() => () => sign.texture.dispose(), [sign.texture]);
  return sign;
}
