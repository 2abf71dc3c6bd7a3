import { INTERPOLATION_DELAY_MS } from '../../../shared/constants.ts';
import { localIntent, localPose } from './poses.ts';
import { view } from './view.ts';

/**
 * What tells the 3D hall to draw another frame. The hall draws only while something moves (R3F's
 * "demand" frame loop): a resident waiting in a quiet hall costs the device nothing, which on a phone
 * or tablet is battery. Written by whatever moves, outside React; read every animation frame by
 * DrawOnDemand.
 */
export const motion = {
  /** When a remote pose or far marker last arrived (performance.now()). */
  poseAt: -Infinity,
  /** The camera has not yet reached where it is heading (CameraRig). */
  cameraMoving: false,
  /** Draw until then in any case (after the scene mounts, after a change in the hall's state). */
  until: 0,
  /** Benchmarks: draw every frame, as the hall does whenever anything moves. */
  always: false,
  /** Since when every animation frame has needed drawing; null when the scene is idle. */
  busySince: null as number | null,
};

/** Remote avatars are drawn this long in the past and then glide in: keep drawing until they arrive. */
const POSE_SETTLE_MS = INTERPOLATION_DELAY_MS + 450;

export function keepDrawing(ms: number): void {
  motion.until = Math.max(motion.until, performance.now() + ms);
}

const seen = { x: NaN, z: NaN, ry: NaN, yaw: NaN, zoom: NaN };

/**
 * Whether the frame at `now` must be drawn; remembers what it saw, so call it once per animation frame.
 * Our own pose is compared by value: some turns (sitting down, facing a counter) change it without a
 * move to send.
 */
export function needsFrame(now: number): boolean {
  const changed =
    seen.x !== localPose.x ||
    seen.z !== localPose.z ||
    seen.ry !== localPose.ry ||
    seen.yaw !== view.yaw ||
    seen.zoom !== view.zoom;
  seen.x = localPose.x;
  seen.z = localPose.z;
  seen.ry = localPose.ry;
  seen.yaw = view.yaw;
  seen.zoom = view.zoom;
  const needed =
    changed ||
    motion.always ||
    motion.cameraMoving ||
    now < motion.until ||
    now - motion.poseAt < POSE_SETTLE_MS ||
    localIntent.keys.size > 0 ||
    localIntent.plan !== null;
  motion.busySince = needed ? (motion.busySince ?? now) : null;
  return needed;
}
