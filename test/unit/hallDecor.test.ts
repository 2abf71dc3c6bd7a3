import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { seatLabels, rowLetter } from '../../shared/layout/seatLabels.ts';
import { expandSeats } from '../../shared/layout/validateLayout.ts';
import { floorGeometry, floorQuads } from '../../client/src/scene/decor/floorGeometry.ts';
import { furnitureGeometry } from '../../client/src/scene/decor/furnitureGeometry.ts';
import { rowMarkers, seatGeometry } from '../../client/src/scene/decor/seatGeometry.ts';
import { stageFrame, stageGeometry } from '../../client/src/scene/decor/stageGeometry.ts';
import { shadeGeometry, sunGeometry } from '../../client/src/scene/decor/bakedLight.ts';
import { insideBox } from '../../shared/sim/geometry.ts';
import type { Furniture } from '../../shared/layout/layoutSchema.ts';

const hall = getHall();
const { layout } = hall;
/** Every vertex of a geometry as [x, y, z]. */
const points = (g: { getAttribute(n: string): { array: ArrayLike<number>; count: number } }) => {
  const a = g.getAttribute('position');
  return Array.from({ length: a.count }, (_, i) => [
    a.array[i * 3]!,
    a.array[i * 3 + 1]!,
    a.array[i * 3 + 2]!,
  ]);
};

describe('seat labels: row letters from the front, numbers from the seated left', () => {
  it('letters the demo auditorium A to G from the stage back and numbers each row 1 to 12 across the aisle', () => {
    const labels = seatLabels(hall.seats);
    expect(labels.size).toBe(hall.seats.length);
    // aud-left-1-1 is the front row's westmost seat (facing north, the seated left is west).
    expect(labels.get('aud-left-1-1')).toEqual({ row: 'A', number: 1 });
    expect(labels.get('aud-left-1-6')).toEqual({ row: 'A', number: 6 });
    expect(labels.get('aud-right-1-1')).toEqual({ row: 'A', number: 7 });
    expect(labels.get('aud-right-7-6')).toEqual({ row: 'G', number: 12 });
    const names = [...labels.values()].map((l) => `${l.row}${l.number}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('counts from the other side for seats facing south, and goes on past Z', () => {
    const seats = expandSeats([
      { id: 's', areaId: 'a', origin: [0, 0], rows: 2, cols: 3, spacing: [1, 1], facing: 'south' },
    ]);
    const labels = seatLabels(seats);
    // Facing south the front row is the southmost (z = 1) and the seated left is east (x = 2).
    expect(labels.get('s-2-3')).toEqual({ row: 'A', number: 1 });
    expect(labels.get('s-1-1')).toEqual({ row: 'B', number: 3 });
    expect([rowLetter(0), rowLetter(25), rowLetter(26), rowLetter(27)]).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('puts row markers at both ends of each row and on both sides of the middle aisle', () => {
    const markers = rowMarkers(hall.seats, seatLabels(hall.seats));
    expect(markers).toHaveLength(7 * 4);
    expect(
      markers
        .filter((m) => m.row === 'A')
        .map((m) => m.seat.id)
        .sort(),
    ).toEqual(['aud-left-1-1', 'aud-left-1-6', 'aud-right-1-1', 'aud-right-1-6'].sort());
  });
});

describe('floors: one mesh per kind of area, tinted by each area, rugs where the building has them', () => {
  it('covers every area once, with its own colour, and lays a mat inside the glass entrance and a runner in the aisle', () => {
    const quads = floorQuads(layout);
    for (const a of layout.areas)
      expect(quads.filter((q) => q.rect === a.rect && q.color === a.floorColor)).toHaveLength(1);
    const rugs = quads.filter((q) => q.y > 0);
    expect(rugs).toHaveLength(2);
    const mat = rugs.find((q) => q.rect.maxZ > 18)!;
    expect(hall.areaAt((mat.rect.minX + mat.rect.maxX) / 2, (mat.rect.minZ + mat.rect.maxZ) / 2)?.kind).toBe(
      'lobby',
    );
    const runner = rugs.find((q) => q !== mat)!;
    // Between the seat blocks (x -2.5 … 2.5), clear of every seat.
    expect(runner.rect.minX).toBeGreaterThan(-2.5);
    expect(runner.rect.maxX).toBeLessThan(2.5);
    const g = floorGeometry(quads, 1);
    expect(g.getAttribute('position').count).toBe(quads.length * 4);
    // All faces point up: clicking a floor must hit it from the camera above.
    expect(
      Array.from(g.getAttribute('normal').array)
        .filter((_, i) => i % 3 === 1)
        .every((y) => y === 1),
    ).toBe(true);
  });
});

describe('furniture, stage and seats: merged, and inside the footprint the plan makes solid', () => {
  const within = (f: Furniture, [x, , z]: number[]) => insideBox(x!, z!, f.rect);

  it('keeps every bench, plant, desk and table inside its rect (chairs stand beside the tables)', () => {
    for (const f of layout.furniture.filter((x) => x.kind !== 'stage' && x.kind !== 'table')) {
      const g = furnitureGeometry([f], false)!;
      expect(
        points(g).every((p) => within({ ...f, rect: grown(f) }, p)),
        f.id,
      ).toBe(true);
    }
    const all = furnitureGeometry(layout.furniture, false)!;
    expect(all.getAttribute('color').count).toBe(all.getAttribute('position').count);
  });

  it('builds the stage, its steps and the curtain within its rect, facing the audience', () => {
    const stage = layout.furniture.find((f) => f.kind === 'stage')!;
    expect(stageFrame(stage, layout).turn).toBe(0);
    const g = stageGeometry(stage, layout, false)!;
    const margin = { ...stage, rect: grown(stage) };
    expect(points(g).every((p) => within(margin, p))).toBe(true);
    const light = stageGeometry(stage, layout, true)!;
    expect(light.getAttribute('position').count).toBeLessThan(g.getAttribute('position').count);
  });

  it('draws every seat in one geometry, fewer parts in the light view', () => {
    const labels = seatLabels(hall.seats);
    const full = seatGeometry(hall.seats, labels, false)!;
    const light = seatGeometry(hall.seats, labels, true)!;
    expect(light.getAttribute('position').count).toBeLessThan(full.getAttribute('position').count);
  });

  it('bakes contact shadows and the entrance daylight into two geometries', () => {
    expect(shadeGeometry(layout, hall.seats)!.getAttribute('position').count).toBeGreaterThan(100);
    const sun = sunGeometry(layout)!;
    expect(sun.panes).toBe(4);
    // Inside the lobby, falling in from the glass at z = 20.
    for (const [x, , z] of points(sun.geometry)) expect(hall.areaAt(x!, z!)?.kind).toBe('lobby');
  });
});

/** A few centimetres of slack for nosings and lips. */
function grown(f: Furniture) {
  const m = 0.08;
  return { minX: f.rect.minX - m, minZ: f.rect.minZ - m, maxX: f.rect.maxX + m, maxZ: f.rect.maxZ + m };
}
