import { useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { localPose } from '../store/poses.ts';
import { view } from '../store/view.ts';
import { motion } from '../store/motion.ts';

/** Closer than this (metres, radians) to where it is heading, the camera is still and needs no frames. */
const SETTLED = 0.002;

/** Behind and above the avatar; looking north until the resident turns the view (drag, Q/E). */
export const CAMERA_OFFSET = { y: 13, z: 11 };

export function CameraRig() {
  const camera = useThree((s) => s.camera);
  // Kept across renders: a re-render of the scene (its tier changing mid-turn) must not snap the view.
  const shown = useRef({ yaw: view.yaw, zoom: view.zoom }).current;
  useFrame((_, delta) => {
    // The first frame after the hall was still comes seconds after the one before: without a cap the
    // camera would jump to a new view instead of turning to it.
    const dt = Math.min(delta, 0.1);
    // Exponential smoothing: framerate-independent, and never overshoots. The turn takes the short way.
    const k = 1 - Math.exp(-dt * 6);
    let dyaw = view.yaw - shown.yaw;
    dyaw = Math.atan2(Math.sin(dyaw), Math.cos(dyaw));
    shown.yaw += dyaw * Math.min(1, k * 2);
    shown.zoom += (view.zoom - shown.zoom) * k;
    const back = CAMERA_OFFSET.z * shown.zoom;
    const sx = Math.sin(shown.yaw) * back;
    const sz = Math.cos(shown.yaw) * back;
    camera.position.x += (localPose.x + sx - camera.position.x) * k;
    camera.position.y += (CAMERA_OFFSET.y * shown.zoom - camera.position.y) * k;
    camera.position.z += (localPose.z + sz - camera.position.z) * k;
    camera.lookAt(camera.position.x - sx, 0.8, camera.position.z - sz);
    motion.cameraMoving =
      Math.abs(dyaw) > SETTLED ||
      Math.abs(view.zoom - shown.zoom) > SETTLED ||
      Math.abs(localPose.x + sx - camera.position.x) > SETTLED ||
      Math.abs(CAMERA_OFFSET.y * shown.zoom - camera.position.y) > SETTLED ||
      Math.abs(localPose.z + sz - camera.position.z) > SETTLED;
  });
  return null;
}
