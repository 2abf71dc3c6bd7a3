import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { reportPendingFrames, reportScene } from '../app/testHook.ts';
import { useFrameSeconds } from './useFrameSeconds.ts';

/**
 * Counts the frames drawn (a second at a time while drawing, and in all), tells how many are still asked
 * for, and reports readiness once the first frames are on screen.
 */
export function FrameProbe() {
  const total = useRef(0);
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  useEffect(() => {
    reportPendingFrames(() => get().internal.frames);
    return () => reportPendingFrames(() => 0);
  }, [get]);
  useFrame(() => {
    total.current++;
    reportScene({ framesDrawn: total.current });
    if (total.current === 3) reportScene({ sceneReady: true });
  });
  useFrameSeconds(({ fps }) => {
    const { calls, triangles } = gl.info.render;
    reportScene({ fps: Math.round(fps), drawn: { calls, triangles, dpr: gl.getPixelRatio() } });
  });
  return null;
}
