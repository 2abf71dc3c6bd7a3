import { SEAT_TOP, SEATED_BACK } from './avatarParts.ts';

/** A chair at a consultation desk, facing +z, for a seated figure (AvatarFigure sitting) to sit on. */
export function DeskChair() {
  return (
    <group position={[0, 0, -SEATED_BACK]}>
      <mesh position={[0, SEAT_TOP - 0.03, 0.05]}>
        <boxGeometry args={[0.46, 0.06, 0.44]} />
        <meshLambertMaterial color="#5c6773" />
      </mesh>
      <mesh position={[0, SEAT_TOP / 2, 0.05]}>
        <boxGeometry args={[0.08, SEAT_TOP - 0.06, 0.08]} />
        <meshLambertMaterial color="#3d444c" />
      </mesh>
      <mesh position={[0, SEAT_TOP + 0.3, -0.2]}>
        <boxGeometry args={[0.46, 0.5, 0.06]} />
        <meshLambertMaterial color="#5c6773" />
      </mesh>
    </group>
  );
}
