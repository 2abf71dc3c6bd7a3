import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEMO_HALL_FILE } from '../../server/src/hall/hallFromFile.ts';
import { LayoutError, expandSeats, validateLayout } from '../../shared/layout/validateLayout.ts';
import type { HallLayoutInput } from '../../shared/layout/layoutSchema.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';

const demoCityHall = JSON.parse(readFileSync(DEMO_HALL_FILE, 'utf8')) as HallLayoutInput;

const variant = (edit: (l: HallLayoutInput) => void): HallLayoutInput => {
  const copy = structuredClone(demoCityHall);
  edit(copy);
  return copy;
};

function problemsOf(input: HallLayoutInput): string[] {
  try {
    validateLayout(input);
  } catch (e) {
    if (e instanceof LayoutError) return e.problems;
    throw e;
  }
  return [];
}

describe('the demo city hall', () => {
  it('is valid and has what the issue asks for', () => {
    const { layout, seats } = getHall();
    expect(layout.counters.length).toBeGreaterThanOrEqual(8);
    expect(layout.areas.filter((a) => a.kind === 'consultation').length).toBeGreaterThanOrEqual(2);
    expect(layout.areas.some((a) => a.kind === 'lobby')).toBe(true);
    expect(layout.areas.some((a) => a.kind === 'auditorium')).toBe(true);
    expect(layout.furniture.some((f) => f.kind === 'stage')).toBe(true);
    expect(layout.furniture.some((f) => f.kind === 'infoDesk')).toBe(true);
    expect(seats).toHaveLength(84);
    expect(new Set(layout.counters.map((c) => c.name.ja)).size).toBe(layout.counters.length);
    for (const dept of [
      '市民課',
      '市民税課',
      '収納課',
      '国保年金課',
      '介護保険課',
      '障害福祉課',
      '子育て支援課',
      '保育課',
    ]) {
      expect(layout.counters.map((c) => c.name.ja)).toContain(dept);
    }
  });
});

describe('validateLayout refuses broken data with a specific reason', () => {
  it('duplicate ids', () => {
    const p = problemsOf(variant((l) => (l.counters[1]!.id = l.counters[0]!.id)));
    expect(p).toContain(`duplicate id "${demoCityHall.counters[0]!.id}"`);
  });

  it('overlapping areas, and floor that belongs to no area', () => {
    const p = problemsOf(variant((l) => (l.areas[0]!.rect.minX -= 2)));
    expect(p.some((x) => /areas "lobby" and "counters-a" overlap/.test(x))).toBe(true);
    const q = problemsOf(variant((l) => (l.areas[0]!.rect.maxZ -= 2)));
    expect(q.some((x) => /cover the whole building floor/.test(x))).toBe(true);
  });

  it('a counter desk outside its area', () => {
    const p = problemsOf(variant((l) => (l.counters[0]!.areaId = 'lobby')));
    expect(p).toContain(`counter "${demoCityHall.counters[0]!.id}" desk is outside area "lobby"`);
  });

  it('a wall across a door', () => {
    const p = problemsOf(variant((l) => l.walls.push({ id: 'blocker', from: [-10, 4], to: [-10, 16] })));
    expect(p).toContain('wall "blocker" blocks door "lobby-counters-a"');
  });

  it('a spawn point inside a wall', () => {
    const p = problemsOf(variant((l) => (l.spawnPoints[2] = [30, 0])));
    expect(p).toContain('spawn point 2 is not walkable');
  });

  it('a room that cannot be reached on foot', () => {
    const p = problemsOf(
      variant((l) => {
        l.walls = l.walls.filter((w) => w.id !== 'consult-front-2' && w.id !== 'consult-front-3');
        l.walls.push({ id: 'sealed', from: [18, 5.9], to: [18, 16.1] });
        l.doors = l.doors.filter((d) => d.id !== 'consult-2-door');
      }),
    );
    expect(p).toContain('area "consult-2" cannot be reached on foot from the entrance');
  });

  it('shapes zod rejects: a diagonal wall, an unknown area kind, a bad colour', () => {
    expect(problemsOf(variant((l) => l.walls.push({ id: 'diag', from: [0, 0], to: [3, 3] }))).join()).toMatch(
      /axis-aligned/,
    );
    expect(problemsOf(variant((l) => ((l.areas[0] as { kind: string }).kind = 'garage'))).join()).toMatch(
      /areas\.0\.kind/,
    );
    expect(problemsOf(variant((l) => (l.areas[0]!.floorColor = 'beige'))).join()).toMatch(/floorColor/);
  });

  it('lists every problem at once', () => {
    const p = problemsOf(
      variant((l) => {
        l.spawnPoints[0] = [30, 0];
        l.counters[0]!.areaId = 'lobby';
      }),
    );
    expect(p.length).toBeGreaterThanOrEqual(2);
  });
});

describe('expandSeats', () => {
  it('lays seats out row by row from the block origin', () => {
    const seats = expandSeats([
      { id: 'b', areaId: 'a', origin: [1, 2], rows: 2, cols: 3, spacing: [1, 1.5], facing: 'north' },
    ]);
    expect(seats).toHaveLength(6);
    expect(seats[0]).toEqual({ id: 'b-1-1', block: 'b', areaId: 'a', at: [1, 2], facing: 'north' });
    expect(seats[5]!.at).toEqual([3, 3.5]);
  });
});
