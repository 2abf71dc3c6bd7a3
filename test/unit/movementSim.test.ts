import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { stepMovement, stepTowards } from '../../shared/sim/movement.ts';
import { isClearLine, isWalkable } from '../../shared/sim/world.ts';
import { AVATAR_RADIUS, WALK_SPEED } from '../../shared/constants.ts';
import { circleHitsBox, segmentHitsBox } from '../../shared/sim/geometry.ts';

const { world } = getHall();

describe('stepMovement', () => {
  it('walks at walking speed, and diagonals are not faster', () => {
    const from = { x: 0, z: 15 };
    const straight = stepMovement(world, from, 1, 0, 0.5);
    expect(straight.x - from.x).toBeCloseTo(WALK_SPEED * 0.5);
    const diagonal = stepMovement(world, from, 1, 1, 0.5);
    expect(Math.hypot(diagonal.x - from.x, diagonal.z - from.z)).toBeCloseTo(WALK_SPEED * 0.5);
  });

  it('slides along a wall instead of stopping (moving diagonally into the south wall)', () => {
    // Just north of the south outer wall (z = 20), walking south-east.
    const from = { x: 5, z: 20 - 0.15 - AVATAR_RADIUS - 0.01 };
    const next = stepMovement(world, from, 1, 1, 0.1);
    expect(next.x).toBeGreaterThan(from.x + 0.1);
    expect(next.z).toBeCloseTo(from.z);
  });

  it('never ends inside anything solid, whatever the input', () => {
    let p = { x: 0, z: 15 };
    for (let i = 0; i < 2000; i++) {
      const a = (i * 2.399) % (Math.PI * 2);
      p = stepMovement(world, p, Math.cos(a), Math.sin(a), 0.05);
      expect(isWalkable(world, p.x, p.z, AVATAR_RADIUS)).toBe(true);
    }
  });

  it('does nothing without a direction or time', () => {
    expect(stepMovement(world, { x: 0, z: 15 }, 0, 0, 1)).toEqual({ x: 0, z: 15 });
    expect(stepMovement(world, { x: 0, z: 15 }, 1, 0, 0)).toEqual({ x: 0, z: 15 });
  });
});

describe('stepTowards', () => {
  it('arrives exactly at a reachable target', () => {
    let p = { x: 0, z: 16 };
    let arrived = false;
    for (let i = 0; i < 100 && !arrived; i++)
      ({ at: p, arrived } = stepTowards(world, p, { x: 3, z: 14 }, 0.05));
    expect(arrived).toBe(true);
    expect(p).toEqual({ x: 3, z: 14 });
  });
});

describe('collision primitives', () => {
  it('lines through walls are blocked, open lines are clear', () => {
    expect(isClearLine(world, 0, 2, 0, -2, 0)).toBe(false); // auditorium glass wall at z = 0
    expect(isClearLine(world, -5, 2, -5, -2, 0)).toBe(true); // through its west door
    expect(isClearLine(world, -5, 15, 5, 15, AVATAR_RADIUS)).toBe(true);
  });

  it('circle and segment tests agree with hand-made boxes', () => {
    const box = { minX: 0, minZ: 0, maxX: 1, maxZ: 1 };
    expect(circleHitsBox(1.3, 0.5, 0.35, box)).toBe(true);
    expect(circleHitsBox(1.4, 0.5, 0.35, box)).toBe(false);
    expect(segmentHitsBox(-1, 0.5, 2, 0.5, box, 0)).toBe(true);
    expect(segmentHitsBox(-1, 1.2, 2, 1.2, box, 0)).toBe(false);
    expect(segmentHitsBox(-1, 1.2, 2, 1.2, box, 0.3)).toBe(true);
  });
});
