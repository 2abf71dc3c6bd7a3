import { describe, expect, it } from 'vitest';
import { CELL_M, SLACK, createInterestService } from '../../server/src/services/interestService.ts';
import { mulberry32 } from '../bench/bots.ts';

const at = (id: string, x: number, z = 0) => ({ id, x, z });
/** A line of people east of `a`, one metre apart: p1 at 1 m, p2 at 2 m, … */
const line = (n: number) => [at('a', 0), ...Array.from({ length: n }, (_, i) => at(`p${i + 1}`, i + 1))];

describe('neighbour selection: the nearest in full, the next ring as markers, counts beyond', () => {
  it('chooses the nearest K, then the next M, within the radius; nobody beyond', () => {
    const s = createInterestService({ near: 3, ring: 2, radius: 10 });
    s.update([...line(6), at('far', 30)]);
    expect([...s.nearOf('a')].sort()).toEqual(['p1', 'p2', 'p3']);
    expect([...s.ringOf('a')].sort()).toEqual(['p4', 'p5']);
    expect(s.nearOf('a').has('p6') || s.ringOf('a').has('p6')).toBe(false);
    expect(s.ringOf('a').has('far') || s.ringOf('far').size).toBeFalsy();
    // Nobody is their own neighbour.
    expect(s.nearOf('p1').has('p1')).toBe(false);
  });

  it('keeps someone near while they stay within SLACK places of the cut, then moves them to the ring', () => {
    const s = createInterestService({ near: 3, ring: 10, radius: 50 });
    s.update(line(12));
    expect(s.nearOf('a').has('p3')).toBe(true);
    // Two newcomers step in front of p3: it is 5th now, within the slack, and stays near.
    const closer = [at('n1', 0.5, 0.2), at('n2', 0.6, -0.2)];
    const changes = s.update([...line(12), ...closer]);
    expect(s.nearOf('a').has('p3')).toBe(true);
    expect([...s.nearOf('a')].sort()).toEqual(['n1', 'n2', 'p1', 'p2', 'p3']);
    expect(changes.find((c) => c.observer === 'a')?.nearRemoved).toEqual([]);
    // More newcomers push it beyond the slack: it leaves the near set for the ring.
    const crowd = Array.from({ length: SLACK + 1 }, (_, i) => at(`c${i}`, 0.3, 0.05 * i));
    const after = s.update([...line(12), ...closer, ...crowd]);
    const a = after.find((c) => c.observer === 'a')!;
    expect(a.nearRemoved).toContain('p3');
    expect(a.ringAdded).toContain('p3');
  });

  it('reports nothing when nothing changed, and forgets those who left', () => {
    const s = createInterestService({ near: 2, ring: 2, radius: 10 });
    s.update(line(3));
    expect(s.update(line(3))).toEqual([]);
    s.forget('p1');
    const changes = s.update([at('a', 0)]);
    expect(s.nearOf('a').size).toBe(0);
    // Those who left are not reported as removed (their avatar is gone with them).
    expect(changes).toEqual([]);
    expect(s.nearOf('p1').size).toBe(0);
  });

  it('finds neighbours across grid cell borders', () => {
    const s = createInterestService({ near: 2, ring: 0, radius: 10 });
    s.update([at('a', CELL_M - 0.05, -0.05), at('b', CELL_M + 0.05, 0.05)]);
    expect(s.nearOf('a').has('b')).toBe(true);
  });

  it('in a packed crowd the choice equals the exact nearest by distance, and stays bounded', () => {
    const rand = mulberry32(7);
    const crowd = Array.from({ length: 2000 }, (_, i) => at(`r${i}`, rand() * 20 - 10, rand() * 14 - 7));
    const s = createInterestService({ near: 24, ring: 48, radius: 18 });
    s.update(crowd);
    for (const me of crowd.slice(0, 50)) {
      const exact = crowd
        .filter((o) => o.id !== me.id)
        .map((o) => ({ id: o.id, d: Math.hypot(o.x - me.x, o.z - me.z) }))
        .sort((x, y) => x.d - y.d);
      expect([...s.nearOf(me.id)].sort()).toEqual(
        exact
          .slice(0, 24)
          .map((e) => e.id)
          .sort(),
      );
      expect(s.ringOf(me.id).size).toBe(48);
    }
  });
});
