import { BufferAttribute, BufferGeometry, Color } from 'three';
import type { AreaKind, HallLayout, Rect } from '../../../../shared/layout/layoutSchema.ts';

/** A flat rectangle of floor: its kind picks the pattern, its colour tints it, `y` lifts rugs above the floor. */
export interface FloorQuad {
  kind: AreaKind;
  rect: Rect;
  color: string;
  y: number;
}

/** How deep the mat inside an entrance is, and how far a rug sits above the floor (no flicker at a distance). */
const MAT_DEPTH = 1.6;
const RUG_LIFT = 0.008;
/** The auditorium's middle aisle runner, in metres across. */
const RUNNER_WIDTH = 1.6;

/**
 * The floors of the hall (one quad per area), and the rugs that belong to the building: a dark mat inside
 * each glass entrance on the building's edge, and a red runner down the auditorium's middle aisle (the gap
 * between its seat blocks) up to the stage.
 */
export function floorQuads(layout: HallLayout): FloorQuad[] {
  const quads: FloorQuad[] = layout.areas.map((a) => ({
    kind: a.kind,
    rect: a.rect,
    color: a.floorColor,
    y: 0,
  }));
  const b = layout.bounds;
  for (const w of layout.walls) {
    if (!w.glass || w.from[1] !== w.to[1] || (w.from[1] !== b.maxZ && w.from[1] !== b.minZ)) continue;
    const z = w.from[1];
    const inward = z === b.maxZ ? -1 : 1;
    const [x0, x1] = [Math.min(w.from[0], w.to[0]), Math.max(w.from[0], w.to[0])];
    const edge = z + inward * layout.wallThickness * 0.5;
    const far = edge + inward * MAT_DEPTH;
    quads.push({
      kind: 'counters',
      rect: { minX: x0 + 0.2, maxX: x1 - 0.2, minZ: Math.min(edge, far), maxZ: Math.max(edge, far) },
      color: '#5b6066',
      y: RUG_LIFT,
    });
  }
  for (const area of layout.areas.filter((a) => a.kind === 'auditorium')) {
    const blocks = layout.seatBlocks.filter((s) => s.areaId === area.id);
    const spans = blocks
      .map((s) => [s.origin[0], s.origin[0] + (s.cols - 1) * s.spacing[0]] as const)
      .sort((p, q) => p[0] - q[0]);
    const stage = layout.furniture.find(
      (f) => f.kind === 'stage' && f.rect.minX >= area.rect.minX && f.rect.maxX <= area.rect.maxX,
    );
    for (let i = 1; i < spans.length; i++) {
      const mid = (spans[i - 1]![1] + spans[i]![0]) / 2;
      quads.push({
        kind: 'counters',
        rect: {
          minX: mid - RUNNER_WIDTH / 2,
          maxX: mid + RUNNER_WIDTH / 2,
          minZ: stage ? stage.rect.maxZ + 1.2 : area.rect.minZ + 1,
          maxZ: area.rect.maxZ - 0.6,
        },
        color: '#b0413e',
        y: RUG_LIFT,
      });
    }
  }
  return quads;
}

/**
 * One geometry for all the quads of a pattern: upward normals, a colour per vertex (the tint), and
 * texture coordinates in metres over `metres`, so the pattern runs on across neighbouring areas.
 */
export function floorGeometry(quads: FloorQuad[], metres: number): BufferGeometry {
  const position = new Float32Array(quads.length * 12);
  const normal = new Float32Array(quads.length * 12);
  const color = new Float32Array(quads.length * 12);
  const uv = new Float32Array(quads.length * 8);
  const index: number[] = [];
  const c = new Color();
  quads.forEach((q, i) => {
    const { minX, maxX, minZ, maxZ } = q.rect;
    c.set(q.color);
    const corners = [
      [minX, minZ],
      [minX, maxZ],
      [maxX, maxZ],
      [maxX, minZ],
    ] as const;
    corners.forEach(([x, z], k) => {
      const v = i * 4 + k;
      position.set([x, q.y, z], v * 3);
      normal.set([0, 1, 0], v * 3);
      color.set([c.r, c.g, c.b], v * 3);
      uv.set([x / metres, -z / metres], v * 2);
    });
    const v = i * 4;
    // Counter-clockwise seen from above: the faces point up.
    index.push(v, v + 1, v + 2, v, v + 2, v + 3);
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(position, 3));
  g.setAttribute('normal', new BufferAttribute(normal, 3));
  g.setAttribute('color', new BufferAttribute(color, 3));
  g.setAttribute('uv', new BufferAttribute(uv, 2));
  g.setIndex(index);
  g.computeBoundingSphere();
  return g;
}
