import { describe, expect, it } from 'vitest';
import { BoxGeometry, Color, Matrix4, Vector3, type BufferAttribute } from 'three';
import { BILLBOARD_VERTICES, CrowdBatch, flatten, verticesOf } from '../../client/src/scene/crowdBatch.ts';

const RED = new Color(1, 0, 0);
const attribute = (batch: CrowdBatch, name: string) => Array.from(batch.geometry.getAttribute(name).array);

describe('a crowd written into one mesh', () => {
  // A box standing 1 m in front of the figure (+z), like the visor that shows which way someone faces.
  const part = flatten(new BoxGeometry(0.2, 0.2, 0.2), 0, 1, 1);

  it('turns and moves each part as three.js would (rotation about the vertical axis, then position)', () => {
    const batch = new CrowdBatch({ normal: true, uv: false }, 64);
    batch.begin(verticesOf(part));
    batch.addPart(part, 5, 0.5, -3, Math.PI / 2, RED);
    batch.end();
    const expected = new BoxGeometry(0.2, 0.2, 0.2)
      .toNonIndexed()
      .translate(0, 1, 1)
      .applyMatrix4(new Matrix4().makeRotationY(Math.PI / 2))
      .translate(5, 0.5, -3);
    const got = attribute(batch, 'position').slice(0, verticesOf(part) * 3);
    const want = Array.from(expected.getAttribute('position').array);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    const normals = attribute(batch, 'normal').slice(0, verticesOf(part) * 3);
    const wantNormals = Array.from(expected.getAttribute('normal').array);
    normals.forEach((v, i) => expect(v).toBeCloseTo(wantNormals[i]!, 5));
    // Turned a quarter to the left, "in front" is +x: the box is now east of where the person stands.
    const xs = got.filter((_, i) => i % 3 === 0);
    expect(Math.min(...xs)).toBeGreaterThan(5.8);
    expect(attribute(batch, 'color').slice(0, 3)).toEqual([1, 0, 0]);
    expect(batch.geometry.drawRange.count).toBe(verticesOf(part));
  });

  it('draws only what this frame wrote: someone who left is gone from the next frame', () => {
    const batch = new CrowdBatch({ normal: true, uv: false }, 256);
    batch.begin(3 * verticesOf(part));
    for (let i = 0; i < 3; i++) batch.addPart(part, i, 0, 0, 0, RED);
    batch.end();
    expect(batch.geometry.drawRange.count).toBe(3 * verticesOf(part));
    batch.begin(3 * verticesOf(part));
    batch.addPart(part, 0, 0, 0, 0, RED);
    batch.end();
    expect(batch.geometry.drawRange.count).toBe(verticesOf(part));
  });

  it('an empty frame draws nothing and uploads nothing (an empty update range would upload it all)', () => {
    const batch = new CrowdBatch({ normal: true, uv: false }, 256);
    batch.begin(verticesOf(part));
    batch.addPart(part, 0, 0, 0, 0, RED);
    batch.end();
    const position = batch.geometry.getAttribute('position') as BufferAttribute;
    const uploads = position.version;
    batch.begin(0);
    batch.end();
    expect(batch.geometry.drawRange.count).toBe(0);
    expect(position.version).toBe(uploads);
  });

  it('grows into a new geometry when more people arrive than it has room for', () => {
    const batch = new CrowdBatch({ normal: true, uv: false }, verticesOf(part));
    const first = batch.geometry;
    expect(batch.begin(verticesOf(part))).toBe(false);
    expect(batch.begin(5 * verticesOf(part))).toBe(true);
    expect(batch.geometry).not.toBe(first);
    for (let i = 0; i < 5; i++) batch.addPart(part, i, 0, 0, 0, RED);
    batch.end();
    expect(batch.geometry.drawRange.count).toBe(5 * verticesOf(part));
  });

  it('puts a picture facing the camera: its corners along the camera axes, with its place in the texture', () => {
    const batch = new CrowdBatch({ normal: false, uv: true }, 64);
    batch.begin(BILLBOARD_VERTICES);
    const right = new Vector3(1, 0, 0);
    const up = new Vector3(0, 0.6, -0.8);
    batch.addBillboard(new Vector3(2, 1, 3), right, up, 0.6, 1.0, [0.1, 0.2, 0.3, 0.4], RED);
    batch.end();
    const p = attribute(batch, 'position').slice(0, BILLBOARD_VERTICES * 3);
    const corners = new Set<string>();
    for (let i = 0; i < p.length; i += 3)
      corners.add(
        p
          .slice(i, i + 3)
          .map((v) => v.toFixed(2))
          .join(','),
      );
    expect([...corners].sort()).toEqual(
      ['1.70,0.70,3.40', '2.30,0.70,3.40', '2.30,1.30,2.60', '1.70,1.30,2.60'].sort(),
    );
    // Each corner carries its own corner of the picture: lower left (u0, v0), upper right (u1, v1).
    const uv = attribute(batch, 'uv').slice(0, BILLBOARD_VERTICES * 2);
    const uvAt = (corner: string) => {
      for (let i = 0; i < BILLBOARD_VERTICES; i++) {
        const at = p
          .slice(i * 3, i * 3 + 3)
          .map((v) => v.toFixed(2))
          .join(',');
        if (at === corner) return [uv[i * 2]!, uv[i * 2 + 1]!].map((v) => Number(v.toFixed(2)));
      }
      return null;
    };
    expect(uvAt('1.70,0.70,3.40')).toEqual([0.1, 0.2]);
    expect(uvAt('2.30,0.70,3.40')).toEqual([0.3, 0.2]);
    expect(uvAt('2.30,1.30,2.60')).toEqual([0.3, 0.4]);
    expect(uvAt('1.70,1.30,2.60')).toEqual([0.1, 0.4]);
    // Both triangles wind towards the viewer (right × up), or they would be culled as back faces.
    const towardsViewer = new Vector3().crossVectors(right, up);
    for (const first of [0, 3]) {
      const [a, b, c] = [0, 1, 2].map((k) => new Vector3().fromArray(p, (first + k) * 3));
      const normal = new Vector3().crossVectors(b!.clone().sub(a!), c!.clone().sub(a!));
      expect(normal.dot(towardsViewer)).toBeGreaterThan(0);
    }
    expect(batch.geometry.drawRange.count).toBe(BILLBOARD_VERTICES);
  });
});
