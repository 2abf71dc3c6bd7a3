import { useLayoutEffect, useRef } from 'react';
import { Object3D, type InstancedMesh } from 'three';
import type { Seat } from '../../../shared/layout/layoutSchema.ts';
import { FACING_ANGLE } from '../../../shared/layout/facing.ts';

/** All auditorium seats in one instanced draw call (seat and backrest as one box pair each). */
export function SeatRows({ seats }: { seats: Seat[] }) {
  const seatRef = useRef<InstancedMesh>(null);
  const backRef = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const o = new Object3D();
    seats.forEach((s, i) => {
      o.position.set(s.at[0], 0.45, s.at[1]);
      o.rotation.set(0, FACING_ANGLE[s.facing], 0);
      o.updateMatrix();
      seatRef.current?.setMatrixAt(i, o.matrix);
      // The backrest sits behind the seat, opposite to where the seat faces.
      o.translateZ(-0.25);
      o.position.y = 0.75;
      o.updateMatrix();
      backRef.current?.setMatrixAt(i, o.matrix);
    });
    if (seatRef.current) seatRef.current.instanceMatrix.needsUpdate = true;
    if (backRef.current) backRef.current.instanceMatrix.needsUpdate = true;
  }, [seats]);
  return (
    <group>
      <instancedMesh ref={seatRef} args={[undefined, undefined, seats.length]}>
        <boxGeometry args={[0.55, 0.1, 0.5]} />
        <meshLambertMaterial color="#3b6ea5" />
      </instancedMesh>
      <instancedMesh ref={backRef} args={[undefined, undefined, seats.length]}>
        <boxGeometry args={[0.55, 0.6, 0.08]} />
        <meshLambertMaterial color="#335f8f" />
      </instancedMesh>
    </group>
  );
}
