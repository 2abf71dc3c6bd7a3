import { Canvas } from '@react-three/fiber';
import { STAFF_UNIFORM_COLOR } from '../../../shared/constants.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';
import { AvatarFigure } from './AvatarFigure.tsx';
import { DeskChair } from './DeskChair.tsx';
import { SignBoard } from './SignBoard.tsx';

/**
 * The consultation room as a small 3D space of its own: a desk, the resident on one side and the staff
 * member on the other, the counter's name on the wall. Decorative: everything in it is also in the
 * DOM beside it (participants, chat), so it is hidden from assistive technology.
 */
export function ConsultationScene() {
  const { t, lang } = useT();
  const c = useQueueStore((s) => s.consultation);
  const isStaffSelf = useQueueStore((s) => s.staff !== null);
  const selfColor = useHallStore((s) => (s.selfId ? s.people[s.selfId]?.color : undefined));
  if (!c) return null;
  const resident = c.participants.find((p) => p.role === 'resident');
  const staff = c.participants.find((p) => p.role === 'staff');
  // The staff member's screen does not know the resident's colour; a neutral one stands in.
  const residentColor = (!isStaffSelf && selfColor) || '#1971c2';
  return (
    <div className="consultation-scene" aria-hidden="true">
      <Canvas
        flat
        dpr={1}
        camera={{ fov: 40, position: [0, 2.4, 4.6] }}
        onCreated={({ camera }) => camera.lookAt(0, 1.1, 0)}
        gl={{ powerPreference: 'low-power' }}
      >
        <color attach="background" args={['#efe9f6']} />
        <hemisphereLight args={['#ffffff', '#b9a9c9', 2.4]} />
        <directionalLight position={[3, 6, 4]} intensity={0.7} />
        <mesh rotation={[-Math.PI / 2, 0, 0]}>
          <planeGeometry args={[8, 6]} />
          <meshLambertMaterial color="#e8e0d2" />
        </mesh>
        <mesh position={[0, 1.6, -2]}>
          <boxGeometry args={[8, 3.2, 0.1]} />
          <meshLambertMaterial color="#f6f2fb" />
        </mesh>
        <mesh position={[0, 0.38, 0]}>
          <boxGeometry args={[1.6, 0.76, 0.8]} />
          <meshLambertMaterial color="#c89f74" />
        </mesh>
        <group position={[-1.2, 0, 0]} rotation={[0, Math.PI / 2, 0]}>
          <DeskChair />
          {resident && (
            <AvatarFigure
              color={residentColor}
              nickname={resident.nickname}
              away={!resident.connected}
              sitting
            />
          )}
        </group>
        <group position={[1.2, 0, 0]} rotation={[0, -Math.PI / 2, 0]}>
          <DeskChair />
          {staff && (
            <AvatarFigure
              color={STAFF_UNIFORM_COLOR}
              nickname={staff.nickname}
              staff
              away={!staff.connected}
              sitting
            />
          )}
        </group>
        <SignBoard
          id={`consult-${c.counterId}-${lang}`}
          position={[0, 2.5, -1.94]}
          height={0.5}
          lines={[
            {
              text: t('consult.roomSign', { number: c.ticketNumber }),
              size: 56,
              bold: true,
              color: '#ffffff',
            },
          ]}
          options={{ background: '#5f3dc4', maxTextWidth: 700 }}
        />
      </Canvas>
    </div>
  );
}
