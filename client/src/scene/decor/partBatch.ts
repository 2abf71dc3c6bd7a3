import { BoxGeometry, BufferAttribute, Color, type BufferGeometry, type ColorRepresentation } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/**
 * Collects coloured primitives (boxes, cylinders, spheres) into one geometry with a colour per vertex, so
 * a whole kind of furniture, every seat of the auditorium or the stage with its steps is one draw call
 * under one material. Software WebGL pays per draw and per instance (test/bench/RESULTS.md "Frame rate"),
 * far less per triangle of a merged mesh.
 */
export class PartBatch {
  private readonly parts: BufferGeometry[] = [];

  /** Adds `geometry` (consumed: moved in place) tinted `color`, turned `turn` radians about y, then moved. */
  add(geometry: BufferGeometry, color: ColorRepresentation, x: number, y: number, z: number, turn = 0): this {
    const g = geometry.index ? geometry.toNonIndexed() : geometry;
    if (g !== geometry) geometry.dispose();
    if (turn) g.rotateY(turn);
    g.translate(x, y, z);
    const c = new Color(color);
    const n = g.getAttribute('position').count;
    const colors = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) colors.set([c.r, c.g, c.b], i * 3);
    g.setAttribute('color', new BufferAttribute(colors, 3));
    if (!g.getAttribute('uv')) g.setAttribute('uv', new BufferAttribute(new Float32Array(n * 2), 2));
    this.parts.push(g);
    return this;
  }

  /** A box of size (w, h, d) whose base stands at (x, y, z) (y is the bottom, not the centre). */
  box(
    w: number,
    h: number,
    d: number,
    color: ColorRepresentation,
    x: number,
    y: number,
    z: number,
    turn = 0,
  ): this {
    return this.add(new BoxGeometry(w, h, d), color, x, y + h / 2, z, turn);
  }

  /** The merged geometry (null when nothing was added); the parts are freed. */
  build(): BufferGeometry | null {
    if (this.parts.length === 0) return null;
    const merged = mergeGeometries(this.parts);
    for (const p of this.parts) p.dispose();
    this.parts.length = 0;
    merged?.computeBoundingSphere();
    return merged;
  }
}
