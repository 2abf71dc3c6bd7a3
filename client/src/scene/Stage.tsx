import { useMemo } from 'react';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { LECTERN_SIZE, lecternSpot, stageFrame, stageGeometry } from './decor/stageGeometry.ts';
import { labelAtlas } from './decor/labelAtlas.ts';
import { QuadBatch } from './decor/quadBatch.ts';
import { BatchWithLabels } from './decor/BatchWithLabels.tsx';

/** How large the city's emblem is on the lectern's front, and how high its middle is above the stage. */
const EMBLEM = 0.36;
const EMBLEM_Y = 0.68;

/**
 * The auditorium's stage: boards, steps, curtain, lectern and flowers in one merged mesh, and the
 * city's emblem on the lectern (left out in the light view, with the curtain and lectern). The screen
 * over it is StageScreen's. Usage: <Stage hall={hall} light={false} />
 */
export function Stage({ hall, light }: { hall: Hall; light: boolean }) {
  const { layout } = hall;
  const stage = layout.furniture.find((f) => f.kind === 'stage');
  const geometry = useMemo(
    () => (stage ? stageGeometry(stage, layout, light) : null),
    [stage, layout, light],
  );
  const emblem = useMemo(() => {
    if (!stage || light) return null;
    const f = stageFrame(stage, layout);
    const spot = lecternSpot(f);
    const [x, z] = f.at(spot.u, spot.v + LECTERN_SIZE.d / 2 + 0.005);
    const atlas = labelAtlas([{ kind: 'emblem' }]);
    // Facing the audience: the stage's u axis is the viewer's right.
    const [rx, rz] = f.at(1, 0);
    const [ox, oz] = f.at(0, 0);
    const right: [number, number, number] = [((rx - ox) * EMBLEM) / 2, 0, ((rz - oz) * EMBLEM) / 2];
    const geometry = new QuadBatch()
      .add([x, stage.height + EMBLEM_Y, z], right, [0, EMBLEM / 2, 0], atlas.cell({ kind: 'emblem' }))
      .build();
    return { atlas, geometry };
  }, [stage, layout, light]);
  return <BatchWithLabels geometry={geometry} labels={emblem} />;
}
