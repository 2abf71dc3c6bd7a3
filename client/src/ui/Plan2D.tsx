import type { MouseEvent } from 'react';
import { useQueueStore } from '../store/queueStore.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { wallBox } from '../../../shared/sim/world.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';
import { walkTo } from '../app/localMovement.ts';
import { HallDirectory } from './HallDirectory.tsx';
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
        <svg
          role="img"
          aria-label={t('plan.label')}
          viewBox={`${bounds.minX} ${bounds.minZ} ${bounds.maxX - bounds.minX} ${bounds.maxZ - bounds.minZ}`}
          onClick={onPlanClick}
        >
          {hall.layout.areas.map((a) => (
            <g key={a.id}>
              <rect
                x={a.rect.minX}
                y={a.rect.minZ}
                width={a.rect.maxX - a.rect.minX}
                height={a.rect.maxZ - a.rect.minZ}
                fill={a.floorColor}
              />
              <text
                x={(a.rect.minX + a.rect.maxX) / 2}
                y={
                  a.kind === 'counters'
                    ? a.rect.maxZ - 1.2
                    : a.kind === 'consultation'
                      ? a.rect.minZ + 1.6
                      : (a.rect.minZ + a.rect.maxZ) / 2
                }
                className="plan-area-label"
              >
                {tl(a.name)}
              </text>
            </g>
          ))}
          {hall.layout.furniture.map((f) => (
            <rect
              key={f.id}
              className={`plan-furniture ${f.kind}`}
              x={f.rect.minX}
              y={f.rect.minZ}
              width={f.rect.maxX - f.rect.minX}
              height={f.rect.maxZ - f.rect.minZ}
            />
          ))}
          {hall.layout.counters.map((c) => (
            <g key={c.id}>
              <rect
                className={`plan-counter status-${counterStatus[c.id]?.status ?? 'closed'}`}
                x={c.desk.minX}
                y={c.desk.minZ}
                width={c.desk.maxX - c.desk.minX}
                height={c.desk.maxZ - c.desk.minZ}
              />
              <text x={c.serviceSpot[0]} y={c.serviceSpot[1] + 0.5} className="plan-counter-label">
                {c.number}
              </text>
            </g>
          ))}
          {hall.layout.walls.map((w) => {
            const b = wallBox(w.from, w.to, hall.layout.wallThickness);
            return (
              <rect
                key={w.id}
                className={w.glass ? 'plan-wall glass' : 'plan-wall'}
                x={b.minX}
                y={b.minZ}
                width={b.maxX - b.minX}
                height={b.maxZ - b.minZ}
              />
            );
          })}
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
        </svg>
      </section>
      <HallDirectory />
    </div>
  );
}
