import { useRef } from 'react';
import { useDisplayStore } from '../store/displayStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { motion } from '../store/motion.ts';
import { useFrameSeconds } from './useFrameSeconds.ts';
import {
  LOWER_FPS,
  LOWER_SECONDS,
  RAISE_FPS,
  RAISE_SECONDS,
  SLOW_FPS,
  SLOW_SECONDS,
} from './qualityTiers.ts';

/**
 * The automatic quality tiers. Frames are counted over whole seconds in which the hall was drawing all
 * the time (it draws only while something moves): below LOWER_FPS for LOWER_SECONDS the resolution is
 * lowered; above RAISE_FPS for RAISE_SECONDS it is raised again; below SLOW_FPS for SLOW_SECONDS at the
 * lowered resolution the hall switches to the light view, says so, and remembers it on this device
 * (not when the resident chose either way). A second that took far longer than a second (a hidden tab,
 * a paused machine) or was partly idle counts for nothing and starts the count again.
 */
export function QualityGuard({ lowered, setLowered }: { lowered: boolean; setLowered(on: boolean): void }) {
  const state = useRef({ low: 0, high: 0, slow: 0 });
  useFrameSeconds(({ fps, start, elapsed }) => {
    const s = state.current;
    const busy = motion.busySince !== null && motion.busySince <= start && elapsed < 3000;
    if (!busy) {
      s.low = s.high = s.slow = 0;
      return;
    }
    s.low = fps < LOWER_FPS ? s.low + 1 : 0;
    s.high = fps >= RAISE_FPS ? s.high + 1 : 0;
    s.slow = fps < SLOW_FPS ? s.slow + 1 : 0;
    if (!lowered && s.low >= LOWER_SECONDS) {
      s.low = s.slow = 0;
      setLowered(true);
    } else if (lowered && s.high >= RAISE_SECONDS) {
      s.high = 0;
      setLowered(false);
    } else if (lowered && s.slow >= SLOW_SECONDS && useDisplayStore.getState().lightenBySelf()) {
      useHallStore.getState().announce('display.lightAuto');
    }
  });
  return null;
}
