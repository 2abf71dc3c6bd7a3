import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { createMovementService } from '../../server/src/services/movementService.ts';
import { isWalkable } from '../../shared/sim/world.ts';
import { AVATAR_RADIUS } from '../../shared/constants.ts';

const hall = getHall();
const movement = createMovementService(hall);

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

describe('movement service', () => {
  it('spawns newcomers on free, walkable spots in the lobby, apart from each other', () => {
    const placed: { x: number; z: number }[] = [];
    const rand = seeded(42);
    for (let i = 0; i < 8; i++) {
      const t = movement.spawn(placed, 0, rand);
      expect(isWalkable(hall.world, t.x, t.z, AVATAR_RADIUS)).toBe(true);
      expect(t.areaId).toBe('lobby');
      for (const p of placed) expect(Math.hypot(p.x - t.x, p.z - t.z)).toBeGreaterThan(0.5);
      placed.push(t);
    }
  });

  it('accepts a walk across an area border and updates the area', () => {
    let track = { x: -9, z: 10, ry: 0, budget: 2, lastAt: 0, areaId: 'lobby' };
    const out = movement.move(track, { x: -10.6, z: 10, ry: 7 }, 1000);
    expect(out.accepted).toBe(true);
    track = out.track;
    expect(track.areaId).toBe('counters-a');
    expect(Math.abs(track.ry)).toBeLessThanOrEqual(Math.PI);
  });

  it('keeps the last accepted position when it refuses a move', () => {
    const track = { x: 0, z: 15, ry: 0, budget: 2, lastAt: 0, areaId: 'lobby' };
    const out = movement.move(track, { x: 0, z: -15, ry: 0 }, 10);
    expect(out.accepted).toBe(false);
    expect(out.track).toMatchObject({ x: 0, z: 15, areaId: 'lobby', lastAt: 10 });
  });
});
