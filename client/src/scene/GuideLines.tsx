import { useEffect, useMemo } from 'react';
import { DoubleSide } from 'three';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { hallGuideLines } from '../app/guideLineActions.ts';
import { reportScene } from '../app/testHook.ts';
import { useGuideLineStore } from '../store/guideLineStore.ts';
import { guideLineGeometry } from './guideLineGeometry.ts';

/**
 * The floor guidance lines (床面誘導線), all in one mesh; the line "take me there" follows is highlighted.
 * Drawn in the light view too: it is wayfinding, not decoration, and costs one draw call.
 * Usage: <GuideLines hall={hall} />
 */
export function GuideLines({ hall }: { hall: Hall }) {
  const followed = useGuideLineStore((s) => s.followedAreaId);
  // Cached per layout: the same array until the hall's plan changes.
  const lines = hallGuideLines(hall);
  const geometry = useMemo(() => guideLineGeometry(lines, followed), [lines, followed]);
  useEffect(() => {
    reportScene({
      guideLines: lines.map((l) => ({
        areaId: l.areaId,
        from: l.from,
        color: l.color.hex,
        highlighted: l.areaId === followed,
      })),
    });
    return () => geometry.dispose();
  }, [lines, followed, geometry]);
  useEffect(() => () => reportScene({ guideLines: [] }), []);
  return (
    <mesh geometry={geometry} raycast={() => null}>
      <meshBasicMaterial vertexColors side={DoubleSide} />
    </mesh>
  );
}
