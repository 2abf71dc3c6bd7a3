import { POSITION_LIMIT_M } from '../constants.ts';

/**
 * Where people stand, as compact binary messages (`sendBytes`) rather than synchronised state: with a
 * crowd, state sync re-checks every change for every client (the cost grows with the square of the
 * crowd), while these are built per client from its own nearest few only, and only for those who moved.
 *
 * Positions are quantized to 16 bits over ±POSITION_LIMIT_M (under 8 mm), facing to 8 bits (1.4°).
 * Every number is little-endian. Each person has a small number `n` (their avatar's `n` in the state),
 * so a message need not repeat session ids.
 *
 *   poses:  u16 count, then per person: u16 n, u16 x, u16 z, u8 ry       (the nearest, who moved)
 *   far:    u16 count, then per person: u16 n, u16 x, u16 z              (the next ring, all of it)
 */
export const POSE_BYTES = 7;
export const FAR_BYTES = 6;

const STEPS = 65535;
const SPAN = 2 * POSITION_LIMIT_M;
const TWO_PI = Math.PI * 2;

/** A position in metres as its 16-bit wire value (clamped to the range). */
export function quantizePosition(v: number): number {
  const clamped = Math.min(POSITION_LIMIT_M, Math.max(-POSITION_LIMIT_M, v));
  return Math.floor(((clamped + POSITION_LIMIT_M) / SPAN) * STEPS + 0.5);
}

export function dequantizePosition(q: number): number {
  return (q / STEPS) * SPAN - POSITION_LIMIT_M;
}

/** A position exactly as the wire carries it: what the server keeps, so both sides agree to the bit. */
export const onWire = (v: number) => dequantizePosition(quantizePosition(v));

export function quantizeAngle(ry: number): number {
  const a = ((ry % TWO_PI) + TWO_PI) % TWO_PI;
  return Math.floor((a / TWO_PI) * 256 + 0.5) & 255;
}

export function dequantizeAngle(q: number): number {
  return (q / 256) * TWO_PI;
}

export interface WirePose {
  n: number;
  x: number;
  z: number;
  ry: number;
}

/** Writes poses into `into` (grown if needed) and returns the bytes to send. */
export function encodePoses(poses: ReadonlyArray<WirePose>, into?: Uint8Array): Uint8Array {
  const size = 2 + poses.length * POSE_BYTES;
  const bytes = into && into.byteLength >= size ? into : new Uint8Array(size);
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  view.setUint16(0, poses.length, true);
  let o = 2;
  for (const p of poses) {
    view.setUint16(o, p.n, true);
    view.setUint16(o + 2, quantizePosition(p.x), true);
    view.setUint16(o + 4, quantizePosition(p.z), true);
    view.setUint8(o + 6, quantizeAngle(p.ry));
    o += POSE_BYTES;
  }
  return bytes.subarray(0, size);
}

export function decodePoses(bytes: Uint8Array, each: (pose: WirePose) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength >= 2 ? view.getUint16(0, true) : 0;
  if (bytes.byteLength !== 2 + count * POSE_BYTES) return;
  for (let i = 0, o = 2; i < count; i++, o += POSE_BYTES) {
    each({
      n: view.getUint16(o, true),
      x: dequantizePosition(view.getUint16(o + 2, true)),
      z: dequantizePosition(view.getUint16(o + 4, true)),
      ry: dequantizeAngle(view.getUint8(o + 6)),
    });
  }
}

export function encodeFar(people: ReadonlyArray<Omit<WirePose, 'ry'>>): Uint8Array {
  const bytes = new Uint8Array(2 + people.length * FAR_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, people.length, true);
  let o = 2;
  for (const p of people) {
    view.setUint16(o, p.n, true);
    view.setUint16(o + 2, quantizePosition(p.x), true);
    view.setUint16(o + 4, quantizePosition(p.z), true);
    o += FAR_BYTES;
  }
  return bytes;
}

export function decodeFar(bytes: Uint8Array): { n: number; x: number; z: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength >= 2 ? view.getUint16(0, true) : 0;
  if (bytes.byteLength !== 2 + count * FAR_BYTES) return [];
  const out: { n: number; x: number; z: number }[] = [];
  for (let i = 0, o = 2; i < count; i++, o += FAR_BYTES) {
    out.push({
      n: view.getUint16(o, true),
      x: dequantizePosition(view.getUint16(o + 2, true)),
      z: dequantizePosition(view.getUint16(o + 4, true)),
    });
  }
  return out;
}
