import { BufferAttribute, BufferGeometry } from 'three';

/** A part of a texture atlas, in texture coordinates (v up, as three.js reads canvases). */
export interface AtlasCell {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

/**
 * Flat textured quads (labels, plates, emblems, shadows) collected into one geometry: one draw call for
 * all of them under one material.
 */
export class QuadBatch {
  private readonly position: number[] = [];
  private readonly uv: number[] = [];
  private readonly normal: number[] = [];
  private readonly index: number[] = [];

  /**
   * A quad centred at `c`, spanning `right` (half-width vector) and `up` (half-height vector); it faces
   * along right × up. `cell` maps its corners (bottom-left first, anticlockwise).
   */
  add(
    c: [number, number, number],
    right: [number, number, number],
    up: [number, number, number],
    cell: AtlasCell,
  ): this {
    const base = this.position.length / 3;
    const corners: [number, number, number, number][] = [
      [-1, -1, cell.u0, cell.v0],
      [1, -1, cell.u1, cell.v0],
      [1, 1, cell.u1, cell.v1],
      [-1, 1, cell.u0, cell.v1],
    ];
    const n = [
      right[1] * up[2] - right[2] * up[1],
      right[2] * up[0] - right[0] * up[2],
      right[0] * up[1] - right[1] * up[0],
    ];
    const len = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
    for (const [a, b, u, v] of corners) {
      this.position.push(
        c[0] + a * right[0] + b * up[0],
        c[1] + a * right[1] + b * up[1],
        c[2] + a * right[2] + b * up[2],
      );
      this.uv.push(u, v);
      this.normal.push(n[0]! / len, n[1]! / len, n[2]! / len);
    }
    this.index.push(base, base + 1, base + 2, base, base + 2, base + 3);
    return this;
  }

  /** A quad lying on the floor at height y over [x0, x1] × [z0, z1], facing up. */
  floor(x0: number, z0: number, x1: number, z1: number, y: number, cell: AtlasCell): this {
    return this.add([(x0 + x1) / 2, y, (z0 + z1) / 2], [(x1 - x0) / 2, 0, 0], [0, 0, -(z1 - z0) / 2], cell);
  }

  get empty(): boolean {
    return this.index.length === 0;
  }

  build(): BufferGeometry | null {
    if (this.empty) return null;
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(this.position), 3));
    g.setAttribute('uv', new BufferAttribute(new Float32Array(this.uv), 2));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(this.normal), 3));
    g.setIndex(this.index);
    g.computeBoundingSphere();
    return g;
  }
}
