import { describe, expect, it } from 'vitest';
import { createHall, getHall } from '../../shared/layout/hallLayout.ts';
import {
  GUIDE_LINE_WIDTH,
  guideLines,
  offsetPolyline,
  type GuideLine,
} from '../../shared/layout/guideLines.ts';
import { GUIDE_PALETTE, guideColors, nearestColorName } from '../../shared/layout/guideColors.ts';
import { LayoutError, validateLayout } from '../../shared/layout/validateLayout.ts';
import { isClearLine, isWalkable } from '../../shared/sim/world.ts';
import { insideBox, type Point } from '../../shared/sim/geometry.ts';
import type { HallLayout } from '../../shared/layout/layoutSchema.ts';

const hall = getHall();
const lines = guideLines(hall);

/** Points every 20 cm along a polyline, corners included. */
function samples(points: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.z - a.z) / 0.2));
    for (let k = 0; k <= n; k++) out.push({ x: a.x + ((b.x - a.x) * k) / n, z: a.z + ((b.z - a.z) * k) / n });
  }
  return out;
}

function distanceToPolyline(p: Point, points: Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = b.x - a.x;
    const dz = b.z - a.z;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.z - a.z) * dz) / (dx * dx + dz * dz || 1)));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.z - (a.z + t * dz)));
  }
  return best;
}

const label = (l: GuideLine) => `${l.from} → ${l.areaId}`;

describe('floor guidance lines of the demo hall', () => {
  it('runs from the entrance and from the information desk to each counter area, in its colour', () => {
    expect(lines.map(label).sort()).toEqual([
      'entrance → counters-a',
      'entrance → counters-b',
      'infoDesk → counters-a',
      'infoDesk → counters-b',
    ]);
    const a = lines.find((l) => l.areaId === 'counters-a')!;
    const b = lines.find((l) => l.areaId === 'counters-b')!;
    expect(a.color).toEqual({ hex: '#009e73', name: 'green' });
    expect(b.color).toEqual({ hex: '#e69f00', name: 'orange' });
  });

  it('stays on walkable floor, crosses no wall and ends inside its area', () => {
    for (const line of lines) {
      expect(line.points.length, label(line)).toBeGreaterThanOrEqual(2);
      // A few long strokes, not the staircase of grid cells.
      expect(line.points.length, label(line)).toBeLessThanOrEqual(6);
      for (let i = 1; i < line.points.length; i++) {
        const p = line.points[i - 1]!;
        const q = line.points[i]!;
        expect(isClearLine(hall.world, p.x, p.z, q.x, q.z, 0), `${label(line)} segment ${i}`).toBe(true);
      }
      for (const s of samples(line.points))
        expect(
          isWalkable(hall.world, s.x, s.z, GUIDE_LINE_WIDTH / 2),
          `${label(line)} at ${s.x},${s.z}`,
        ).toBe(true);
      const area = hall.layout.areas.find((x) => x.id === line.areaId)!;
      const end = line.points.at(-1)!;
      expect(insideBox(end.x, end.z, area.rect), label(line)).toBe(true);
      expect(hall.areaAt(line.points[0]!.x, line.points[0]!.z)?.id).toBe('lobby');
    }
  });

  it('keeps the strips of lines to different areas apart, never on top of each other', () => {
    for (const l of lines)
      for (const m of lines) {
        if (l.areaId === m.areaId) continue;
        const closest = Math.min(...samples(l.points).map((p) => distanceToPolyline(p, m.points)));
        // Where they share floor they keep a lane apart; where they fork, at least not overlapping.
        expect(closest, `${label(l)} / ${label(m)}`).toBeGreaterThan(GUIDE_LINE_WIDTH);
      }
  });

  it('is the same every time and on every side (a pure function of the layout)', () => {
    expect(guideLines(createHall(hall.layout))).toEqual(lines);
    expect(JSON.stringify(guideLines(hall))).toBe(JSON.stringify(lines));
  });
});

describe('offsetPolyline', () => {
  it('keeps a parallel lane at the same distance around a bend', () => {
    const path = [
      { x: 0, z: 0 },
      { x: 10, z: 0 },
      { x: 10, z: 10 },
    ];
    const lane = offsetPolyline(path, 0.5);
    for (const s of samples(lane)) expect(distanceToPolyline(s, path)).toBeCloseTo(0.5, 5);
    // The other lane lies on the other side.
    const other = offsetPolyline(path, -0.5);
    expect(Math.hypot(lane[0]!.x - other[0]!.x, lane[0]!.z - other[0]!.z)).toBeCloseTo(1, 5);
  });
});

describe('guide line colours', () => {
  const withAreas = (guide: Record<string, string | undefined>): HallLayout => ({
    ...hall.layout,
    areas: hall.layout.areas.map((a) => ({ ...a, guideColor: guide[a.id] })),
  });

  it('gives areas without a colour distinct palette colours, skipping those already named', () => {
    const none = guideColors(withAreas({}));
    expect([...none.values()].map((c) => c.name)).toEqual(['green', 'orange']);
    // A city's own shade of green is still called green, so the next area gets the next colour.
    const own = guideColors(withAreas({ 'counters-b': '#2E9D4A' }));
    expect(own.get('counters-b')).toEqual({ hex: '#2e9d4a', name: 'green' });
    expect(own.get('counters-a')).toEqual({ hex: GUIDE_PALETTE[1].hex, name: 'orange' });
  });

  it('names every palette colour by itself', () => {
    for (const p of GUIDE_PALETTE) expect(nearestColorName(p.hex)).toBe(p.name);
  });

  it('rejects a colour on an area that has no line, and two areas of one colour', () => {
    const layout = withAreas({ lobby: '#009e73', 'counters-a': '#0072b2', 'counters-b': '#0072B2' });
    let problems: string[] = [];
    try {
      validateLayout(layout);
    } catch (e) {
      problems = e instanceof LayoutError ? e.problems : [];
    }
    expect(problems).toContain('area "lobby": guideColor is for counter areas');
    expect(problems).toContain('areas "counters-a" and "counters-b" have the same guide line colour');
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => validateLayout(withAreas({ 'counters-a': 'green' }))).toThrow(LayoutError);
  });
});
