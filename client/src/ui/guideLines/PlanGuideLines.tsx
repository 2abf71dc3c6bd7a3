import type { GuideLine } from '../../../../shared/layout/guideLines.ts';
import { hallGuideLines } from '../../app/guideLineActions.ts';
import { useGuideLineStore } from '../../store/guideLineStore.ts';

const pointsOf = (l: GuideLine) => l.points.map((p) => `${p.x.toFixed(2)},${p.z.toFixed(2)}`).join(' ');

/**
 * The floor guidance lines on the 2D plan (inside its <svg>, in plan metres), in the colours of the 3D
 * floor; the followed one wider, on top, with white dashes and an arrowhead the way to go. The legend
 * beside the plan says the same in words.
 */
export function PlanGuideLines() {
  const followed = useGuideLineStore((s) => s.followedAreaId);
  const lines = [...hallGuideLines()].sort(
    (a, b) => Number(a.areaId === followed) - Number(b.areaId === followed),
  );
  return (
    <g className="plan-guide-lines" pointerEvents="none">
      <defs>
        <marker
          id="guide-line-arrow"
          viewBox="0 0 10 10"
          refX="5"
          refY="5"
          orient="auto"
          markerWidth="2.2"
          markerHeight="2.2"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#ffffff" />
        </marker>
      </defs>
      {lines.map((l) => {
        const on = l.areaId === followed;
        return (
          <g
            key={`${l.areaId}-${l.from}`}
            data-guide-line={l.areaId}
            data-highlighted={on ? 'true' : 'false'}
          >
            <polyline
              points={pointsOf(l)}
              fill="none"
              stroke={l.color.hex}
              strokeWidth={on ? 0.8 : 0.4}
              strokeOpacity={followed && !on ? 0.5 : 1}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
            {on && (
              <polyline
                points={pointsOf(l)}
                fill="none"
                stroke="#ffffff"
                strokeWidth={0.22}
                strokeDasharray="0.7 0.9"
                markerEnd="url(#guide-line-arrow)"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}
