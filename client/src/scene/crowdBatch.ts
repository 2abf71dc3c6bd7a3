import {
  BufferAttribute,
  BufferGeometry,
  DynamicDrawUsage,
  type Color,
  type Matrix4,
  type Vector3,
} from 'three';

/**
 * A crowd as one mesh whose vertices are written on the CPU every frame. A software renderer (the
 * school-tablet proxy) pays about 45 µs per instance of an instanced draw, so a hundred people drawn as
 * instances of five parts cost a frame more than their triangles did; written into one buffer they are
 * a single draw of a single instance. The CPU work is a few thousand vertices per frame.
 */
export class CrowdBatch {
  geometry: BufferGeometry;
  private position!: Float32Array;
  private normal: Float32Array | null = null;
  private uv: Float32Array | null = null;
  private color!: Float32Array;
  private written = 0;
  private capacity = 0;

  constructor(
    private readonly attributes: { normal: boolean; uv: boolean },
    firstVertices: number,
  ) {
    this.geometry = new BufferGeometry();
    this.allocate(firstVertices);
  }

  /** Room for this many vertices; a new geometry when more are needed (the old one is disposed). */
  private allocate(vertices: number): void {
    const old = this.geometry;
    this.capacity = vertices;
    this.position = new Float32Array(vertices * 3);
    this.color = new Float32Array(vertices * 3);
    const g = new BufferGeometry();
    const add = (name: string, array: Float32Array, size: number) =>
      g.setAttribute(name, new BufferAttribute(array, size).setUsage(DynamicDrawUsage));
    add('position', this.position, 3);
    add('color', this.color, 3);
    if (this.attributes.normal) add('normal', (this.normal = new Float32Array(vertices * 3)), 3);
    if (this.attributes.uv) add('uv', (this.uv = new Float32Array(vertices * 2)), 2);
    g.setDrawRange(0, 0);
    this.geometry = g;
    if (old.attributes.position) old.dispose();
  }

  /** Starts a frame; `vertices` is an upper bound of what it will write. Says whether the geometry changed. */
  begin(vertices: number): boolean {
    this.written = 0;
    if (vertices <= this.capacity) return false;
    this.allocate(2 ** Math.ceil(Math.log2(vertices)));
    return true;
  }

  /**
   * A figure part (non-indexed triangles in its own frame, see `flatten`) turned by `ry` about the
   * vertical axis and moved to (x, y, z), in one colour.
   */
  addPart(part: FlatPart, x: number, y: number, z: number, ry: number, color: Color): void {
    const cos = Math.cos(ry);
    const sin = Math.sin(ry);
    const p = this.position;
    const n = this.normal!;
    const c = this.color;
    let v = this.written * 3;
    const count = part.position.length / 3;
    for (let i = 0; i < count * 3; i += 3, v += 3) {
      const px = part.position[i]!;
      const pz = part.position[i + 2]!;
      p[v] = x + cos * px + sin * pz;
      p[v + 1] = y + part.position[i + 1]!;
      p[v + 2] = z - sin * px + cos * pz;
      const nx = part.normal[i]!;
      const nz = part.normal[i + 2]!;
      n[v] = cos * nx + sin * nz;
      n[v + 1] = part.normal[i + 1]!;
      n[v + 2] = -sin * nx + cos * nz;
      c[v] = color.r;
      c[v + 1] = color.g;
      c[v + 2] = color.b;
    }
    this.written += count;
  }

  /**
   * A figure part moved by `m` (a turn and a move: a limb about its joints, then the figure into the
   * hall), in one colour. Normals take the same turn (no scaling in these matrices).
   */
  addPartMatrix(part: FlatPart, m: Matrix4, color: Color): void {
    const e = m.elements;
    const p = this.position;
    const n = this.normal!;
    const c = this.color;
    const src = part.position;
    const nrm = part.normal;
    let v = this.written * 3;
    for (let i = 0; i < src.length; i += 3, v += 3) {
      const px = src[i]!;
      const py = src[i + 1]!;
      const pz = src[i + 2]!;
      p[v] = e[0]! * px + e[4]! * py + e[8]! * pz + e[12]!;
      p[v + 1] = e[1]! * px + e[5]! * py + e[9]! * pz + e[13]!;
      p[v + 2] = e[2]! * px + e[6]! * py + e[10]! * pz + e[14]!;
      const nx = nrm[i]!;
      const ny = nrm[i + 1]!;
      const nz = nrm[i + 2]!;
      n[v] = e[0]! * nx + e[4]! * ny + e[8]! * nz;
      n[v + 1] = e[1]! * nx + e[5]! * ny + e[9]! * nz;
      n[v + 2] = e[2]! * nx + e[6]! * ny + e[10]! * nz;
      c[v] = color.r;
      c[v + 1] = color.g;
      c[v + 2] = color.b;
    }
    this.written += src.length / 3;
  }

  /**
   * A flat picture facing the camera: `center` in the world, `right` and `up` the camera's axes (unit
   * vectors), `size` in metres, `[u0, v0, u1, v1]` its place in the texture.
   */
  addBillboard(
    center: Vector3,
    right: Vector3,
    up: Vector3,
    width: number,
    height: number,
    uvRect: readonly [number, number, number, number],
    color: Color,
  ): void {
    const [u0, v0, u1, v1] = uvRect;
    const corners: [number, number, number, number][] = [
      [-1, -1, u0, v0],
      [1, -1, u1, v0],
      [1, 1, u1, v1],
      [-1, -1, u0, v0],
      [1, 1, u1, v1],
      [-1, 1, u0, v1],
    ];
    const p = this.position;
    const t = this.uv!;
    const c = this.color;
    for (const [sx, sy, u, w] of corners) {
      const v = this.written * 3;
      const hx = (sx * width) / 2;
      const hy = (sy * height) / 2;
      p[v] = center.x + right.x * hx + up.x * hy;
      p[v + 1] = center.y + right.y * hx + up.y * hy;
      p[v + 2] = center.z + right.z * hx + up.z * hy;
      t[this.written * 2] = u;
      t[this.written * 2 + 1] = w;
      c[v] = color.r;
      c[v + 1] = color.g;
      c[v + 2] = color.b;
      this.written++;
    }
  }

  /** Ends a frame: draws what was written. */
  end(): void {
    const g = this.geometry;
    g.setDrawRange(0, this.written);
    // Nothing to draw, nothing to upload (an empty update range would upload the whole buffer).
    if (this.written === 0) return;
    for (const name of ['position', 'color', 'normal', 'uv']) {
      const a = g.getAttribute(name) as BufferAttribute | undefined;
      if (!a) continue;
      a.clearUpdateRanges();
      a.addUpdateRange(0, this.written * a.itemSize);
      a.needsUpdate = true;
    }
  }

  get vertices(): number {
    return this.written;
  }
}

/** A part's triangles as plain arrays, ready to be copied many times a frame. */
export interface FlatPart {
  position: Float32Array;
  normal: Float32Array;
}

/** Flattens a geometry (indexed or not), moved by (x, y, z) in the figure's own frame. */
export function flatten(geometry: BufferGeometry, x: number, y: number, z: number): FlatPart {
  const g = (geometry.index ? geometry.toNonIndexed() : geometry.clone()).translate(x, y, z);
  return {
    position: Float32Array.from(g.getAttribute('position').array),
    normal: Float32Array.from(g.getAttribute('normal').array),
  };
}

/** Vertices of a figure part, for sizing a batch. */
export const verticesOf = (part: FlatPart) => part.position.length / 3;
/** Vertices of one billboard. */
export const BILLBOARD_VERTICES = 6;
