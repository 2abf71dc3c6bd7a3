import type { MouseEvent } from 'react';
import { useQueueStore } from '../store/queueStore.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { PlanAreaLabels, PlanShapes } from './PlanShapes.tsx';
import { PlanGuideLines } from './guideLines/PlanGuideLines.tsx';
import { GuideLineLegend } from './guideLines/GuideLineLegend.tsx';
import { GuideLineFollow } from './guideLines/GuideLineFollow.tsx';
import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';
import { walkTo } from '../app/localMovement.ts';
import { HallDirectory } from './HallDirectory.tsx';
import { OpenDataLinks } from './OpenDataLinks.tsx';
import { usePolledPositions } from './usePolledPositions.ts';
import { SearchBox } from './guide/SearchBox.tsx';

/**
 * The 2D view: a floor plan (north up) for those who can see it, and the full hall directory as the
 * accessible equivalent. Works without WebGL; clicking the plan walks there like clicking the 3D floor.
 */
export function Plan2D() {
  const { t, tl } = useT();
  const hall = getHall();
  const { bounds } = hall.layout;
  const people = useHallStore((s) => s.people);
  const selfId = useHallStore((s) => s.selfId);
  const counterStatus = useQueueStore((s) => s.counters);
  const { self, others, far } = usePolledPositions();
  const myArea = selfId ? people[selfId]?.area : undefined;
  const myAreaName = hall.layout.areas.find((a) => a.id === myArea);

  const onPlanClick = (e: MouseEvent<SVGSVGElement>) => {
    const svg = e.currentTarget;
    const m = svg.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    walkTo({ x: p.x, z: p.y });
  };

  return (
    <div className="plan2d">
      <section className="panel plan" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('plan.heading')}</h2>
        <SearchBox />
        {myAreaName && <p className="where">{t('hall.youAreIn', { area: tl(myAreaName.name) })}</p>}
        <GuideLineFollow />
        <svg
          role="img"
          aria-label={t('plan.label')}
          viewBox={`${bounds.minX} ${bounds.minZ} ${bounds.maxX - bounds.minX} ${bounds.maxZ - bounds.minZ}`}
          onClick={onPlanClick}
        >
          <PlanShapes layout={hall.layout} statusOf={(id) => counterStatus[id]?.status} />
          <PlanGuideLines />
          {far.map((o) => (
            <circle key={o.id} cx={o.x} cy={o.z} r={0.4} className="plan-person-far" />
          ))}
          {others.map((o) => (
            <circle
              key={o.id}
              cx={o.x}
              cy={o.z}
              r={0.55}
              fill={people[o.id]?.color ?? '#555'}
              className="plan-person"
            />
          ))}
          <circle cx={self.x} cy={self.z} r={0.9} className="plan-self-ring" />
          <circle cx={self.x} cy={self.z} r={0.55} fill={selfId ? people[selfId]?.color : '#000'} />
          <PlanAreaLabels layout={hall.layout} />
        </svg>
        <GuideLineLegend />
      </section>
      <HallDirectory />
      <OpenDataLinks />
    </div>
  );
}
