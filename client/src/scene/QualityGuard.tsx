import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useDisplayStore } from '../store/displayStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { SLOW_FPS, SLOW_SECONDS } from './qualityTiers.ts';

/**
 * The last step of the automatic quality tiers: the hall first lowers its resolution by itself (drei's
 * PerformanceMonitor); when it is still below SLOW_FPS for SLOW_SECONDS at that resolution, it switches
 * to the light view, says so, and remembers it on this device. Not when the resident chose either way.
 * Seconds that took far longer than a second (a hidden tab, a paused machine) are not counted as slow.
 */
export function QualityGuard({ lowered }: { lowered: boolean }) {
  const state = useRef({ frames: 0, since: performance.now(), slow: 0 });
  useFrame(() => {
    const s = state.current;
    s.frames++;
    const now = performance.now();
    const elapsed = now - s.since;
    if (elapsed < 1000) return;
    const fps = (s.frames * 1000) / elapsed;
    s.frames = 0;
    s.since = now;
    if (!lowered || elapsed > 3000) {
      s.slow = 0;
      return;
    }
    s.slow = fps < SLOW_FPS ? s.slow + 1 : 0;
    if (s.slow >= SLOW_SECONDS && useDisplayStore.getState().lightenBySelf()) {
      useHallStore.getState().announce('display.lightAuto');
    }
  });
  return null;
}
