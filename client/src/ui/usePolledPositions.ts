import { useEffect, useState } from 'react';
import { farPoses, localPose, remotePoses } from '../store/poses.ts';

export interface PlottedPosition {
  id: string;
  x: number;
  z: number;
}

/**
 * Positions for the 2D plan, read from the transient pose data a few times a second. The plan needs no
 * frame-rate updates, and polling keeps per-frame data out of React.
 */
export function usePolledPositions(intervalMs = 250): {
  self: { x: number; z: number };
  others: PlottedPosition[];
  /** People a little further away (markers without names). */
  far: PlottedPosition[];
} {
  const read = () => ({
    self: { x: localPose.x, z: localPose.z },
    others: [...remotePoses].flatMap(([id, b]) => {
      const p = b.latest;
      return p ? [{ id, x: p.x, z: p.z }] : [];
    }),
    far: [...farPoses].map(([id, p]) => ({ id, x: p.x, z: p.z })),
  });
  const [state, setState] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setState(read()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return state;
}
