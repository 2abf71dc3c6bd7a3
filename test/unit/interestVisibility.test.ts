import { describe, expect, it } from 'vitest';
import { createInterestService, HYSTERESIS } from '../../server/src/services/interestService.ts';

describe('interest service', () => {
  it('sees others within the radius, and always itself', () => {
    const s = createInterestService(10);
    const changes = s.update([
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 6, z: 0 },
      { id: 'c', x: 30, z: 0 },
    ]);
    expect([...s.visibleTo('a')].sort()).toEqual(['a', 'b']);
    expect([...s.visibleTo('c')]).toEqual(['c']);
    expect(changes.find((c) => c.observer === 'a')?.added.sort()).toEqual(['a', 'b']);
  });

  it('keeps someone visible until they are beyond radius × hysteresis', () => {
    const s = createInterestService(10);
    s.update([
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 9, z: 0 },
    ]);
    s.update([
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 10 * HYSTERESIS - 0.1, z: 0 },
    ]);
    expect(s.visibleTo('a').has('b')).toBe(true);
    const changes = s.update([
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 10 * HYSTERESIS + 0.1, z: 0 },
    ]);
    expect(s.visibleTo('a').has('b')).toBe(false);
    expect(changes).toContainEqual({ observer: 'a', added: [], removed: ['b'] });
    // Coming back needs the inner radius again.
    s.update([
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 10.5, z: 0 },
    ]);
    expect(s.visibleTo('a').has('b')).toBe(false);
  });

  it('reports nothing when nothing changed, and forgets those who left', () => {
    const s = createInterestService(10);
    const crowd = [
      { id: 'a', x: 0, z: 0 },
      { id: 'b', x: 1, z: 1 },
    ];
    s.update(crowd);
    expect(s.update(crowd)).toEqual([]);
    s.forget('b');
    s.update([crowd[0]!]);
    expect([...s.visibleTo('a')]).toEqual(['a']);
    expect(s.visibleTo('b').size).toBe(0);
  });

  it('finds neighbours across spatial-hash cell borders', () => {
    const s = createInterestService(10);
    // 11.5 is the cell size (radius × hysteresis): these two sit in different cells, 2 m apart.
    s.update([
      { id: 'a', x: 11.4, z: -0.1 },
      { id: 'b', x: 11.6, z: 0.1 },
    ]);
    expect(s.visibleTo('a').has('b')).toBe(true);
  });
});
