import { useFrame, useThree } from '@react-three/fiber';
import { localPose } from '../store/poses.ts';

/** Behind (south of) and above the avatar, always looking north: signs and the plan share one orientation. */
export const CAMERA_OFFSET = { y: 13, z: 11 };

export function CameraRig() {
  const camera = useThree((s) => s.camera);
  useFrame((_, dt) => {
    // Exponential smoothing: framerate-independent, and never overshoots.
    const k = 1 - Math.exp(-dt * 6);
    camera.position.x += (localPose.x - camera.position.x) * k;
    camera.position.y += (CAMERA_OFFSET.y - camera.position.y) * k;
    camera.position.z += (localPose.z + CAMERA_OFFSET.z - camera.position.z) * k;
    camera.lookAt(camera.position.x, 0.8, camera.position.z - CAMERA_OFFSET.z);
  });
  return null;
}
