import type { PoseBuffer } from './poseBuffer.ts';
import type { Point } from '../../../shared/sim/geometry.ts';

/**
 * Transient, per-frame data kept outside React: the scene reads it in useFrame and the 2D plan polls it.
 * Writing here never re-renders anything.
 */
export const remotePoses = new Map<string, PoseBuffer>();

/** People a little further away: where their marker stands (updated a few times a second, no names). */
export const farPoses = new Map<string, { x: number; z: number }>();

export interface LocalPose {
  x: number;
  z: number;
  ry: number;
  /** Bumped whenever the pose changes, so the sender knows there is something new. */
  version: number;
}

export const localPose: LocalPose = { x: 0, z: 0, ry: Math.PI, version: 0 };

export interface WalkPlan {
  waypoints: Point[];
  /** What the resident asked to go to, for the arrival announcement; undefined for a floor click. */
  label?: string;
  /** Runs once the last waypoint is reached (e.g. sitting down on the seat walked to). */
  onArrive?: () => void;
}

/** Movement intent of the local avatar: held keys and an optional path being followed. */
export const localIntent: { keys: Set<string>; plan: WalkPlan | null } = { keys: new Set(), plan: null };

export function setLocalPose(x: number, z: number, ry: number): void {
  localPose.x = x;
  localPose.z = z;
  localPose.ry = ry;
  localPose.version++;
}
