import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { reportScene } from '../app/testHook.ts';

/**
 * Counts the frames drawn (a second at a time while drawing, and in all) and reports readiness once the
 * first frames are on screen.
 */
export function FrameProbe() {
  const state = useRef({ frames: 0, since: performance.now(), total: 0 });
  useFrame(({ gl }) => {
    const s = state.current;
    s.frames++;
    s.total++;
    reportScene({ framesDrawn: s.total });
    if (s.total === 3) reportScene({ sceneReady: true });
    const now = performance.now();
    if (now - s.since >= 1000) {
      const { calls, triangles } = gl.info.render;
      reportScene({
        fps: Math.round((s.frames * 1000) / (now - s.since)),
        drawn: { calls, triangles, dpr: gl.getPixelRatio() },
      });
      s.frames = 0;
      s.since = now;
    }
  });
  return null;
}
