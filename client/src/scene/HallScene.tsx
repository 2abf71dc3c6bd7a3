import { useEffect, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { PerformanceMonitor } from '@react-three/drei';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { useT } from '../i18n/useT.ts';
import { reportScene } from '../app/testHook.ts';
import { localPose } from '../store/poses.ts';
import { Floors } from './Floors.tsx';
import { Walls } from './Walls.tsx';
import { CounterDesk } from './CounterDesk.tsx';
import { Furniture } from './Furniture.tsx';
import { SeatRows } from './SeatRows.tsx';
import { EventSign } from './EventSign.tsx';
import { AreaLabels } from './AreaLabels.tsx';
import { RemoteAvatars } from './RemoteAvatars.tsx';
import { FarCrowd } from './FarCrowd.tsx';
import { LocalAvatar } from './LocalAvatar.tsx';
import { CameraRig, CAMERA_OFFSET } from './CameraRig.tsx';
import { ViewGestures } from './ViewGestures.tsx';
import { WalkMarker } from './WalkMarker.tsx';
import { FrameProbe } from './FrameProbe.tsx';
import { useDisplayStore } from '../store/displayStore.ts';

const LIGHT_DPR = 0.6;

/**
 * The 3D hall. The wrapper is one focusable region where the arrow keys walk (data-walk-keys);
 * everything else on the page keeps normal keyboard behaviour. Resolution drops on slow devices.
 */
export function HallScene() {
  const { t, lang } = useT();
  const hall = getHall();
  // The light tier: a fixed low resolution without smoothing (fill rate is what a software-rendered
  // tablet lacks), floor labels left out and fewer name tags. Otherwise the resolution follows the
  // frame rate by itself.
  const light = useDisplayStore((s) => s.light);
  const [dpr, setDpr] = useState(1.25);
  useEffect(() => () => reportScene({ sceneReady: false, fps: 0 }), []);

  return (
    <div className="scene" data-walk-keys tabIndex={0} role="application" aria-label={t('scene.label')}>
      <Canvas
        key={light ? 'light' : 'full'}
        flat
        dpr={light ? LIGHT_DPR : dpr}
        gl={{ antialias: !light, powerPreference: 'low-power' }}
        camera={{
          fov: 50,
          near: 0.1,
          far: 250,
          position: [localPose.x, CAMERA_OFFSET.y, localPose.z + CAMERA_OFFSET.z],
        }}
      >
        {!light && <PerformanceMonitor onDecline={() => setDpr(0.75)} onIncline={() => setDpr(1.25)} />}
        <color attach="background" args={['#dce8f2']} />
        <hemisphereLight args={['#ffffff', '#b8ab94', 2.3]} />
        <directionalLight position={[12, 25, 14]} intensity={0.8} />
        <Floors hall={hall} />
        {!light && <AreaLabels hall={hall} lang={lang} />}
        <Walls hall={hall} />
        {hall.layout.counters.map((c) => (
          <CounterDesk key={c.id} counter={c} lang={lang} />
        ))}
        {hall.layout.furniture.map((f) => (
          <Furniture key={f.id} item={f} lang={lang} />
        ))}
        <SeatRows seats={hall.seats} />
        <EventSign hall={hall} />
        <RemoteAvatars maxTags={light ? 4 : 12} light={light} />
        <FarCrowd />
        <LocalAvatar />
        <WalkMarker />
        <CameraRig />
        <ViewGestures />
        <FrameProbe />
      </Canvas>
    </div>
  );
}
