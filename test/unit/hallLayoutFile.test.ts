import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayoutText, readHallFile } from '../../server/src/hall/layoutCheck.ts';
import { DEMO_HALL_FILE } from '../../server/src/hall/hallFromFile.ts';
import { layoutChanges } from '../../server/src/hall/layoutChanges.ts';
import { hallJsonSchema } from '../../shared/layout/hallJsonSchema.ts';
import { formatLayoutJson } from '../../shared/layout/layoutJson.ts';
import { createHall } from '../../shared/layout/hallLayout.ts';
import { safeSpots } from '../../shared/layout/safeSpot.ts';
import { isWalkable } from '../../shared/sim/world.ts';
import { AVATAR_RADIUS } from '../../shared/constants.ts';
import type { HallLayout } from '../../shared/layout/layoutSchema.ts';

const demoText = readFileSync(DEMO_HALL_FILE, 'utf8');
const demo = () => JSON.parse(demoText) as HallLayout;
const problemsOf = (text: string) => {
  const checked = checkLayoutText(text);
  return checked.ok ? [] : checked.problems;
};

describe('the hall layout file', () => {
  it('JSON Schema in the repo is the one made from the zod schema (npm run hall:schema)', () => {
    const kept = JSON.parse(
      readFileSync(new URL('../../assets/halls/hall.schema.json', import.meta.url), 'utf8'),
    );
    expect(kept).toEqual(hallJsonSchema());
  });

  it('the demo file is valid and names its schema', () => {
    const { layout, version } = readHallFile(DEMO_HALL_FILE);
    expect(layout.$schema).toBe('./hall.schema.json');
    expect(layout.counters.length).toBe(10);
    expect(version).toMatch(/^[\w-]{16}$/);
    // The version is a property of the content, not of the moment it was read.
    expect(readHallFile(DEMO_HALL_FILE).version).toBe(version);
  });

  it('writes a layout a person can read, and reads it back the same', () => {
    const text = formatLayoutJson(demo());
    expect(JSON.parse(text)).toEqual(demo());
    expect(text).toContain('"serviceSpot": [-25.2, -15]');
    expect(text).toContain('"desk": { "minX": -27.5, "maxX": -26.5, "minZ": -16.5, "maxZ": -13.5 }');
  });

  it('says where a JSON syntax error is, by line and column', () => {
    const broken = demoText.replace('"timeZone": "Asia/Tokyo",', '"timeZone": "Asia/Tokyo"');
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toBe('not valid JSON');
    const line = broken.split('\n').findIndex((l) => l.includes('"timeZone"')) + 1;
    expect(problems[0]!.path).toMatch(new RegExp(`^line (${line}|${line + 1}), column \\d+$`));
  });

  it('lists every schema problem with its path', () => {
    const layout = demo() as unknown as Record<string, unknown> & HallLayout;
    (layout.counters[2] as { number: unknown }).number = 'three';
    (layout.areas[0] as { floorColor: string }).floorColor = 'red';
    delete (layout as Partial<HallLayout>).spawnPoints;
    const problems = problemsOf(JSON.stringify(layout));
    expect(problems.map((p) => p.path).sort()).toEqual([
      'areas.0.floorColor',
      'counters.2.number',
      'spawnPoints',
    ]);
    for (const p of problems) expect(p.reason.length).toBeGreaterThan(3);
  });

  it('lists plan problems (a desk moved into a wall, overlapping areas, a walled-in counter)', () => {
    const layout = demo();
    layout.counters[0]!.serviceSpot = [-29.9, -15];
    layout.areas[1]!.rect = { ...layout.areas[1]!.rect, maxX: -5 };
    const reasons = problemsOf(JSON.stringify(layout)).map((p) => p.reason);
    expect(reasons).toContain(`counter "${layout.counters[0]!.id}" service spot is not walkable`);
    expect(reasons.some((r) => r.includes('overlap'))).toBe(true);
  });

  it('refuses what is not a layout at all, without throwing', () => {
    expect(problemsOf('[]')[0]!.path).toBe('(top level)');
    expect(problemsOf('null').length).toBeGreaterThan(0);
    expect(problemsOf('{"id": "x"}').length).toBeGreaterThan(5);
    expect(problemsOf('\u0000').length).toBe(1);
    expect(problemsOf('{'.repeat(100_000)).length).toBe(1);
  });

  it('describes a moved counter before it goes live', () => {
    const next = demo();
    next.counters[0]!.serviceSpot = [-25.2, -9];
    next.counters[0]!.desk = { ...next.counters[0]!.desk, minZ: -10.5, maxZ: -7.5 };
    next.counters.pop();
    const changes = layoutChanges(demo(), next);
    expect(changes).toContainEqual({
      kind: 'counterMoved',
      id: 'shimin',
      number: 1,
      from: [-25.2, -15],
      to: [-25.2, -9],
    });
    expect(changes).toContainEqual({ kind: 'counterRemoved', id: 'hoiku', number: 10 });
    expect(changes).toHaveLength(2);
    expect(layoutChanges(demo(), demo())).toEqual([]);
  });
});

describe('safe spots after the plan changed', () => {
  it('leaves people on open floor and moves those inside new furniture to open floor nearby', () => {
    const next = demo();
    next.furniture.push({
      id: 'new-kiosk',
      kind: 'table',
      rect: { minX: -2, maxX: 2, minZ: 8, maxZ: 11 },
      height: 1,
    });
    const hall = createHall(next);
    const spotFor = safeSpots(hall);
    expect(spotFor(0, 14)).toBeNull();
    const moved = spotFor(0, 9.5)!;
    expect(moved).not.toBeNull();
    expect(isWalkable(hall.world, moved[0], moved[1], AVATAR_RADIUS)).toBe(true);
    expect(Math.hypot(moved[0], moved[1] - 9.5)).toBeLessThan(4);
    // Outside the building altogether: back inside, at the nearest open floor or the entrance.
    const outside = spotFor(200, 200)!;
    expect(isWalkable(hall.world, outside[0], outside[1], AVATAR_RADIUS)).toBe(true);
  });
});
