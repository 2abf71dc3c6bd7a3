import { describe, expect, it } from 'vitest';
import {
  decodeFar,
  decodePoses,
  dequantizePosition,
  encodeFar,
  encodePoses,
  onWire,
  quantizePosition,
  type WirePose,
} from '../../shared/protocol/poses.ts';
import { POSITION_LIMIT_M } from '../../shared/constants.ts';
import { createPoseChannel } from '../../server/src/rooms/hall/poseChannel.ts';

describe('pose messages on the wire', () => {
  it('round-trips positions within a quantization step and angles within 1.4°', () => {
    const poses: WirePose[] = [
      { n: 1, x: 0, z: 0, ry: 0 },
      { n: 65535, x: -12.3456, z: 17.0001, ry: Math.PI },
      { n: 42, x: POSITION_LIMIT_M, z: -POSITION_LIMIT_M, ry: -0.5 },
    ];
    const got: WirePose[] = [];
    decodePoses(encodePoses(poses), (p) => got.push(p));
    expect(got.map((p) => p.n)).toEqual([1, 65535, 42]);
    got.forEach((p, i) => {
      expect(Math.abs(p.x - poses[i]!.x)).toBeLessThan(0.004);
      expect(Math.abs(p.z - poses[i]!.z)).toBeLessThan(0.004);
      const da = Math.abs(Math.atan2(Math.sin(p.ry - poses[i]!.ry), Math.cos(p.ry - poses[i]!.ry)));
      expect(da).toBeLessThan((2 * Math.PI) / 256);
    });
    // On the wire twice is the same as once: what the server keeps is what clients decode.
    expect(onWire(onWire(3.14159))).toBe(onWire(3.14159));
    expect(dequantizePosition(quantizePosition(1e9))).toBe(POSITION_LIMIT_M);
  });

  it('ignores messages of the wrong length instead of reading garbage', () => {
    const bytes = encodePoses([{ n: 1, x: 1, z: 1, ry: 0 }]);
    const seen: WirePose[] = [];
    decodePoses(bytes.subarray(0, bytes.length - 1), (p) => seen.push(p));
    decodePoses(new Uint8Array([5, 0]), (p) => seen.push(p));
    expect(seen).toEqual([]);
    expect(decodeFar(new Uint8Array([1, 0, 0]))).toEqual([]);
    expect(decodeFar(encodeFar([{ n: 7, x: 2, z: -3 }]))[0]).toMatchObject({ n: 7 });
  });
});

describe('the pose channel', () => {
  it('sends each client only the poses of those it sees that moved since, and nothing when nobody moved', () => {
    const ch = createPoseChannel();
    ch.add('a', 0, 0, 0);
    ch.add('b', 1, 0, 0);
    ch.add('c', 2, 0, 0);
    const out: { to: string; ns: number[] }[] = [];
    const send = (to: string, bytes: Uint8Array) => {
      const ns: number[] = [];
      decodePoses(bytes, (p) => ns.push(p.n));
      out.push({ to, ns });
    };
    const seen = (client: string) => [client === 'a' ? ['b', 'a'] : ['a', 'c']];
    ch.sendNear(['a', 'b'], seen, send);
    expect(out).toEqual([
      { to: 'a', ns: [ch.get('b')!.n] },
      { to: 'b', ns: [ch.get('a')!.n, ch.get('c')!.n] },
    ]);
    out.length = 0;
    ch.sendNear(['a', 'b'], seen, send);
    expect(out).toEqual([]);
    // A move smaller than the wire's step is no move; a real one goes to those who see it.
    ch.move('c', 2 + 1e-6, 0, 0);
    ch.sendNear(['a', 'b'], seen, send);
    expect(out).toEqual([]);
    ch.move('c', 2.5, 0, 0);
    ch.sendNear(['a', 'b'], seen, send);
    expect(out).toEqual([{ to: 'b', ns: [ch.get('c')!.n] }]);
    // Someone leaving a client's view is sent afresh when they come back.
    out.length = 0;
    ch.unseen('b', 'c');
    ch.sendNear(['b'], seen, send);
    expect(out).toEqual([{ to: 'b', ns: [ch.get('c')!.n] }]);
  });

  it('numbers are unique among those present and reused only after they left', () => {
    const ch = createPoseChannel();
    const a = ch.add('a', 0, 0, 0).n;
    const b = ch.add('b', 0, 0, 0).n;
    expect(a).not.toBe(b);
    ch.remove('a');
    expect(ch.get('a')).toBeUndefined();
    expect(ch.add('c', 0, 0, 0).n).not.toBe(b);
  });
});
