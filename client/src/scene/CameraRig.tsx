import { useFrame, useThree } from '@react-three/fiber';
import { localPose } from '../store/poses.ts';
import { view } from '../store/view.ts';

/** Behind and above the avatar; looking north until the resident turns the view (drag, Q/E). */
export const CAMERA_OFFSET = { y: 13, z: 11 };

export function CameraRig() {
  const camera = useThree((s) => s.camera);
  const shown = { yaw: view.yaw, zoom: view.zoom };
  useFrame((_, dt) => {
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
  });
  return null;
}
