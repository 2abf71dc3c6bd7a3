import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { findPath } from '../../shared/sim/pathfinding.ts';
import { isClearLine } from '../../shared/sim/world.ts';
import type { Point } from '../../shared/sim/geometry.ts';

const hall = getHall();
const spawn = { x: hall.layout.spawnPoints[0]![0], z: hall.layout.spawnPoints[0]![1] };

function expectWalkable(from: Point, path: Point[]): void {
  let prev = from;
  for (const p of path) {
    expect(isClearLine(hall.world, prev.x, prev.z, p.x, p.z, 0), `${prev.x},${prev.z} → ${p.x},${p.z}`).toBe(
      true,
    );
    prev = p;
  }
}

describe('findPath', () => {
  it('reaches every counter from the entrance without crossing a wall', () => {
    for (const c of hall.layout.counters) {
      const target = { x: c.serviceSpot[0], z: c.serviceSpot[1] };
      const path = findPath(hall.world, hall.nav, spawn, target);
      expect(path, c.id).not.toBeNull();
      expectWalkable(spawn, path!);
      expect(path!.at(-1)).toEqual(target);
    }
  });

  it('goes into a consultation room through its door', () => {
    const room = hall.layout.areas.find((a) => a.id === 'consult-2')!;
    const door = hall.layout.doors.find((d) => d.id === 'consult-2-door')!;
    const target = { x: 24, z: (room.rect.minZ + room.rect.maxZ) / 2 - 1.5 };
    const path = findPath(hall.world, hall.nav, spawn, target)!;
    expectWalkable(spawn, path);
    // The polyline (not just its corners) passes through the door opening.
    let closest = Infinity;
    let prev = spawn;
    for (const p of path) {
      closest = Math.min(closest, pointToSegment(door.at[0], door.at[1], prev, p));
      prev = p;
    }
    expect(closest).toBeLessThan(door.width / 2);
  });

  it('walks straight when nothing is in the way (string-pulled, not a staircase)', () => {
    const path = findPath(hall.world, hall.nav, { x: -5, z: 16 }, { x: 5, z: 13 })!;
    expect(path).toEqual([{ x: 5, z: 13 }]);
  });

  it('ends near a target that is inside furniture rather than inside it', () => {
    const desk = hall.layout.furniture.find((f) => f.kind === 'infoDesk')!;
    const inside = { x: (desk.rect.minX + desk.rect.maxX) / 2, z: (desk.rect.minZ + desk.rect.maxZ) / 2 };
    const path = findPath(hall.world, hall.nav, spawn, inside)!;
    const end = path.at(-1)!;
    expect(Math.hypot(end.x - inside.x, end.z - inside.z)).toBeLessThan(1.5);
    expect(end).not.toEqual(inside);
  });
});

function pointToSegment(px: number, pz: number, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  const len2 = dx * dx + dz * dz;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (pz - a.z) * dz) / len2));
  return Math.hypot(px - (a.x + t * dx), pz - (a.z + t * dz));
}
