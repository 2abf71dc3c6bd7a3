import { useEffect, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { useT } from '../i18n/useT.ts';
import { reportScene } from '../app/testHook.ts';
import { localPose } from '../store/poses.ts';
import { Floors } from './Floors.tsx';
import { Walls } from './Walls.tsx';
import { GuideLines } from './GuideLines.tsx';
import { CounterDesk } from './CounterDesk.tsx';
import { Furniture } from './Furniture.tsx';
import { SeatRows } from './SeatRows.tsx';
import { FurnitureBatch } from './FurnitureBatch.tsx';
import { Stage } from './Stage.tsx';
import { BakedLight } from './BakedLight.tsx';
import { InfoDeskGuideFigure } from './InfoDeskGuideFigure.tsx';
import { EventSign } from './EventSign.tsx';
import { StageScreen } from './StageScreen.tsx';
import { AreaLabels } from './AreaLabels.tsx';
import { AreaSigns } from './AreaSigns.tsx';
import { RemoteAvatars } from './RemoteAvatars.tsx';
import { FarCrowd } from './FarCrowd.tsx';
import { LocalAvatar } from './LocalAvatar.tsx';
import { CameraRig, CAMERA_OFFSET } from './CameraRig.tsx';
import { ViewGestures } from './ViewGestures.tsx';
import { WalkMarker } from './WalkMarker.tsx';
import { FrameProbe } from './FrameProbe.tsx';
import { QualityGuard } from './QualityGuard.tsx';
import { DrawOnDemand } from './DrawOnDemand.tsx';
import { FULL_DPR, LIGHT_DPR, LOWERED_DPR } from './qualityTiers.ts';
import { useDisplayStore } from '../store/displayStore.ts';

/**
 * The 3D hall. The wrapper is one focusable region where the arrow keys walk (data-walk-keys);
 * everything else on the page keeps normal keyboard behaviour. Resolution drops on slow devices.
 */
export function HallScene() {
  const { t, lang } = useT();
  const hall = getHall();
  // It draws only while something moves (DrawOnDemand), in three tiers (QualityGuard): full; the
  // resolution lowered by itself when frames come slowly; light (a fixed low resolution without
  // smoothing, floor labels left out, fewer name tags, far people as pictures), chosen by the resident
  // or switched to by itself when even the lowered resolution stays too slow.
  const light = useDisplayStore((s) => s.light);
  const [lowered, setLowered] = useState(false);
  useEffect(() => () => reportScene({ sceneReady: false, fps: 0 }), []);

  return (
    <div className="scene" data-walk-keys tabIndex={0} role="application" aria-label={t('scene.label')}>
      <Canvas
        key={light ? 'light' : 'full'}
        flat
        dpr={light ? LIGHT_DPR : lowered ? LOWERED_DPR : FULL_DPR}
        frameloop="demand"
        gl={{ antialias: !light, powerPreference: 'low-power' }}
        camera={{
          fov: 50,
          near: 0.1,
          far: 250,
          position: [localPose.x, CAMERA_OFFSET.y, localPose.z + CAMERA_OFFSET.z],
        }}
      >
        {!light && <QualityGuard lowered={lowered} setLowered={setLowered} />}
        <DrawOnDemand />
        <color attach="background" args={['#dce8f2']} />
        <hemisphereLight args={['#ffffff', '#b8ab94', 2.3]} />
        <directionalLight position={[12, 25, 14]} intensity={0.8} />
        <Floors hall={hall} light={light} />
        {!light && <BakedLight hall={hall} />}
        {!light && <AreaLabels hall={hall} lang={lang} />}
        <AreaSigns hall={hall} lang={lang} light={light} />
        <Walls hall={hall} />
        <GuideLines hall={hall} />
        {hall.layout.counters.map((c) => (
          <CounterDesk key={c.id} counter={c} lang={lang} />
        ))}
        {hall.layout.furniture.map((f) => (
          <Furniture key={f.id} item={f} lang={lang} />
        ))}
        <InfoDeskGuideFigure />
        <FurnitureBatch hall={hall} light={light} />
        <Stage hall={hall} light={light} />
        <SeatRows seats={hall.seats} light={light} />
        <EventSign hall={hall} />
        <StageScreen hall={hall} />
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
