import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';

/** One second (or a little more) of drawing: frames per second, when it started and how long it took. */
export interface FrameSecond {
  fps: number;
  start: number;
  elapsed: number;
}

/**
 * Counts the frames drawn and calls `onSecond` each time a second has passed since the last call, from
 * the frame that ends it. What the frame probe reports and what the quality tiers decide on.
 */
export function useFrameSeconds(onSecond: (second: FrameSecond) => void): void {
  const count = useRef({ frames: 0, since: performance.now() });
  useFrame(() => {
    const c = count.current;
    c.frames++;
    const now = performance.now();
    const elapsed = now - c.since;
    if (elapsed < 1000) return;
    const second = { fps: (c.frames * 1000) / elapsed, start: c.since, elapsed };
    c.frames = 0;
    c.since = now;
    onSecond(second);
  });
}
