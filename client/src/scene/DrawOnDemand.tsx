import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { useHallStore } from '../store/hallStore.ts';
import { keepDrawing, needsFrame } from '../store/motion.ts';

/** After a change in the hall's state (someone arrives, leaves, is away), long enough to show it. */
const STATE_CHANGE_MS = 250;
/** After the scene mounts: its first frames, textures and the camera settling. */
const MOUNT_MS = 1500;

/**
 * Asks R3F for a frame on each animation frame where something moves (store/motion.ts). The check is a
 * few comparisons; the frame it saves is the whole scene drawn. React changes to the scene (props,
 * textures, a resize) ask for frames by themselves.
 */
export function DrawOnDemand() {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    keepDrawing(MOUNT_MS);
    const unsubscribe = useHallStore.subscribe(() => keepDrawing(STATE_CHANGE_MS));
    // A tablet drops the GL context when backgrounded or short of memory; once it is back, or the page
    // is shown again, the picture must be drawn again even if nothing moves.
    const redraw = () => keepDrawing(MOUNT_MS);
    canvas.addEventListener('webglcontextrestored', redraw);
    document.addEventListener('visibilitychange', redraw);
    let frame = requestAnimationFrame(function check(now) {
      if (needsFrame(now)) invalidate();
      frame = requestAnimationFrame(check);
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      canvas.removeEventListener('webglcontextrestored', redraw);
      document.removeEventListener('visibilitychange', redraw);
    };
  }, [invalidate, canvas]);
  return null;
}
