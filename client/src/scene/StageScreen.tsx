import { useEffect } from 'react';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { selfOf, useBriefingStore } from '../store/briefingStore.ts';
import { useDisplayStore } from '../store/displayStore.ts';
import { reportScene } from '../app/testHook.ts';
import { useT } from '../i18n/useT.ts';
import { useStageVideo } from './useStageVideo.ts';
import { useSlideTexture } from './useSlideTexture.ts';
import { ScreenPlane } from './ScreenPlane.tsx';
import { SignBoard } from './SignBoard.tsx';
import { LIGHT_SCREEN_FPS, SCREEN_FPS } from './qualityTiers.ts';

/** Screen height and how high its lower edge hangs (the walls are about 4 m high). */
const SCREEN_HEIGHT = 3;
const SCREEN_BOTTOM = 1;
const GAP = 0.4;
/**
 * Leaning back from the bottom edge: the hall's camera looks down on the seats from high behind them,
 * and a screen tilted towards it is seen nearly face on rather than squashed.
 */
const TILT = 0.3;
/** The top edge's distance from the back wall, so the wall never shows through. */
const WALL_CLEARANCE = 0.12;

/**
 * The screen over the auditorium's stage, for someone in the briefing: the presenter's video (a
 * VideoTexture) and the current slide beside it, either alone when the other is missing, a notice while
 * neither has come. Nothing at all outside a briefing. The panel beside the hall keeps the words: the
 * slide's text, captions and controls.
 */
export function StageScreen({ hall }: { hall: Hall }) {
  const { t } = useT();
  const stage = hall.layout.furniture.find((f) => f.kind === 'stage');
  const light = useDisplayStore((s) => s.light);
  const inBriefing = useBriefingStore((s) => s.event !== null);
  const presenting = useBriefingStore((s) => selfOf(s)?.role === 'presenter');
  const stream = useBriefingStore((s) => (presenting ? s.stageLocal : s.stageRemote));
  const slideUrl = useBriefingStore((s) => s.deck[s.slide]?.url ?? null);
  const shown = inBriefing && !!stage;
  const video = useStageVideo(shown ? stream : null, light ? LIGHT_SCREEN_FPS : SCREEN_FPS);
  const slide = useSlideTexture(shown ? slideUrl : null);

  useEffect(() => {
    reportScene({ stageScreen: { shown, video: !!video, slide: slide?.url ?? null } });
  }, [shown, video, slide]);
  useEffect(() => () => reportScene({ stageScreen: { shown: false, video: false, slide: null } }), []);
  if (!shown) return null;

  const r = stage.rect;
  const room = r.maxX - r.minX - 2 * GAP;
  const pictures = [video, slide].flatMap((p) => (p ? [p] : []));
  const natural = pictures.reduce((sum, p) => sum + SCREEN_HEIGHT * p.aspect, GAP * (pictures.length - 1));
  // A wide slide beside a wide video may not fit the stage's width: both shrink alike.
  const k = pictures.length > 0 ? Math.min(1, room / natural) : 1;
  const h = SCREEN_HEIGHT * k;
  let x = -(natural * k) / 2;
  return (
    <group
      position={[
        (r.minX + r.maxX) / 2,
        SCREEN_BOTTOM + (h / 2) * Math.cos(TILT),
        r.minZ + WALL_CLEARANCE + (h / 2) * Math.sin(TILT),
      ]}
      rotation={[-TILT, 0, 0]}
    >
      {pictures.map((p) => {
        const w = h * p.aspect;
        const centre = x + w / 2;
        x += w + GAP * k;
        return <ScreenPlane key={p.texture.uuid} texture={p.texture} width={w} height={h} x={centre} />;
      })}
      {pictures.length === 0 && (
        <mesh>
          <planeGeometry args={[(h * 16) / 9, h]} />
          <meshBasicMaterial color="#1f2731" />
        </mesh>
      )}
      {pictures.length === 0 && (
        <SignBoard
          id="stage-screen-waiting"
          position={[0, 0, 0.02]}
          height={h * 0.13}
          lines={[{ text: t('briefing.waitingForPresenter'), size: 48, color: '#e9eef3' }]}
          options={{ padding: 8, maxTextWidth: 900 }}
        />
      )}
    </group>
  );
}
