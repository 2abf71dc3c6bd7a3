import type { Texture } from 'three';

const BEZEL = 0.08;

export interface ScreenPlaneProps {
  texture: Texture;
  width: number;
  height: number;
  /** Centre, across the screen's group. */
  x: number;
}

/** A picture in a dark frame, lit by nothing (a screen gives light). Usage: <ScreenPlane texture={t} width={4} height={2.25} x={0} /> */
export function ScreenPlane({ texture, width, height, x }: ScreenPlaneProps) {
  return (
    <group position={[x, 0, 0]}>
      <mesh position={[0, 0, -0.02]}>
        <planeGeometry args={[width + 2 * BEZEL, height + 2 * BEZEL]} />
        <meshBasicMaterial color="#15191e" />
      </mesh>
      <mesh>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
