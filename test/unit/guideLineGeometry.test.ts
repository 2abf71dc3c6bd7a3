import { describe, expect, it } from 'vitest';
import { Color } from 'three';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { guideLines } from '../../shared/layout/guideLines.ts';
import { guideLineGeometry } from '../../client/src/scene/guideLineGeometry.ts';

const lines = guideLines(getHall());

function colours(followed: string | null): Set<string> {
  const c = guideLineGeometry(lines, followed).getAttribute('color');
  const out = new Set<string>();
  for (let i = 0; i < c.count; i++) out.add(new Color(c.getX(i), c.getY(i), c.getZ(i)).getHexString());
  return out;
}

describe('the floor lines as one mesh', () => {
  it('is one geometry of flat triangles just above the floor, in the lines’ own colours', () => {
    const g = guideLineGeometry(lines, null);
    const pos = g.getAttribute('position');
    expect(pos.count % 3).toBe(0);
    // Two triangles per straight stroke.
    const strokes = lines.reduce((n, l) => n + l.points.length - 1, 0);
    expect(pos.count).toBe(strokes * 6);
    for (let i = 0; i < pos.count; i++) {
      expect(pos.getY(i)).toBeGreaterThan(0);
      expect(pos.getY(i)).toBeLessThan(0.05);
    }
    expect([...colours(null)].sort()).toEqual(['009e73', 'e69f00']);
  });

  it('gives the followed line arrows and fades the others', () => {
    const plain = guideLineGeometry(lines, null).getAttribute('position').count;
    const followed = guideLineGeometry(lines, 'counters-a');
    expect(followed.getAttribute('position').count).toBeGreaterThan(plain);
    const seen = colours('counters-a');
    expect(seen.has('009e73')).toBe(true);
    expect(seen.has('ffffff')).toBe(true);
    // The orange line is still there, paler.
    expect(seen.has('e69f00')).toBe(false);
    expect(seen.size).toBe(3);
  });
});
