import { decodeFar, decodePoses, type WirePose } from '../../../shared/protocol/poses.ts';
import { farPoses, remotePoses } from '../store/poses.ts';
import { PoseBuffer } from '../store/poseBuffer.ts';
import { motion } from '../store/motion.ts';

/** Poses for numbers whose avatar has not arrived yet (state and poses travel separately). */
const PENDING_MAX = 512;

/**
 * Positions arrive as binary messages keyed by each avatar's number `n` (protocol/poses.ts), apart
 * from the synchronised state that says who that number is. This joins the two: poses go into the
 * transient pose buffers the scene interpolates, never through React.
 */
export function createPoseReceiver(selfId: () => string) {
  const idOf = new Map<number, string>();
  const pending = new Map<number, WirePose>();

  function apply(id: string, p: WirePose): void {
    if (id === selfId()) return;
    let buffer = remotePoses.get(id);
    if (!buffer) remotePoses.set(id, (buffer = new PoseBuffer()));
    const now = performance.now();
    buffer.push({ t: now, x: p.x, z: p.z, ry: p.ry });
    motion.poseAt = now;
  }

  return {
    /** An avatar came into view: its pose may already be here. */
    known(n: number, id: string): void {
      idOf.set(n, id);
      const p = pending.get(n);
      if (p) {
        pending.delete(n);
        apply(id, p);
      }
    },
    gone(n: number, id: string): void {
      if (idOf.get(n) === id) idOf.delete(n);
      remotePoses.delete(id);
    },
    poses(bytes: Uint8Array): void {
      decodePoses(bytes, (p) => {
        const id = idOf.get(p.n);
        if (id) return apply(id, p);
        if (pending.size >= PENDING_MAX) pending.delete(pending.keys().next().value!);
        pending.set(p.n, p);
      });
    },
    /** The outer ring, whole: it replaces the markers shown. Returns how many there are. */
    far(bytes: Uint8Array): number {
      farPoses.clear();
      for (const f of decodeFar(bytes)) farPoses.set(String(f.n), { x: f.x, z: f.z });
      motion.poseAt = performance.now();
      return farPoses.size;
    },
    reset(): void {
      idOf.clear();
      pending.clear();
    },
  };
}
