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
  useEffect(() => {
    keepDrawing(MOUNT_MS);
    const unsubscribe = useHallStore.subscribe(() => keepDrawing(STATE_CHANGE_MS));
    let frame = requestAnimationFrame(function check(now) {
      if (needsFrame(now)) invalidate();
      frame = requestAnimationFrame(check);
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [invalidate]);
  return null;
}
