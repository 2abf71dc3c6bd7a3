import { wallBox } from '../../../shared/sim/world.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { useT } from '../i18n/useT.ts';

/**
 * The floor plan's drawing (areas, furniture, counters, walls) in plan metres, for the 2D view and for
 * an admin's preview of an uploaded layout. The caller owns the <svg> and what is drawn over it; the area
 * names (PlanAreaLabels) go last, over the guidance lines and people.
 */
export function PlanShapes({
  layout,
  statusOf,
}: {
  layout: HallLayout;
  statusOf: (counterId: string) => string | undefined;
}) {
  return (
    <>
      {layout.areas.map((a) => (
        <rect
          key={a.id}
          x={a.rect.minX}
          y={a.rect.minZ}
          width={a.rect.maxX - a.rect.minX}
          height={a.rect.maxZ - a.rect.minZ}
          fill={a.floorColor}
        />
      ))}
      {layout.furniture.map((f) => (
        <rect
          key={f.id}
          className={`plan-furniture ${f.kind}`}
          x={f.rect.minX}
          y={f.rect.minZ}
          width={f.rect.maxX - f.rect.minX}
          height={f.rect.maxZ - f.rect.minZ}
        />
      ))}
      {layout.counters.map((c) => (
        <g key={c.id} data-counter={c.id}>
          <rect
            className={`plan-counter status-${statusOf(c.id) ?? 'closed'}`}
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
      {layout.walls.map((w) => {
        const b = wallBox(w.from, w.to, layout.wallThickness);
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
    </>
  );
}

/** The areas' names, haloed in white so a guidance line or a person under one never hides a letter. */
export function PlanAreaLabels({ layout }: { layout: HallLayout }) {
  const { tl } = useT();
  return (
    <>
      {layout.areas.map((a) => (
        <text
          key={a.id}
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
      ))}
    </>
  );
}
