import {
  encodeFar,
  encodePoses,
  onWire,
  POSE_BYTES,
  type WirePose,
} from '../../../../shared/protocol/poses.ts';

/** A marker of the outer ring moves only when its owner moved at least this much. */
const FAR_STEP_M = 0.25;

/** Where one avatar stands as the wire carries it, and how often that changed. */
export interface PoseEntry {
  n: number;
  x: number;
  z: number;
  ry: number;
  version: number;
  /** The outer ring's coarser copy (moves in FAR_STEP_M steps). */
  farX: number;
  farZ: number;
  farVersion: number;
}

/**
 * Positions as binary messages, per client: each client gets the poses of those it sees in full that
 * moved since it last got them (nothing when nobody moved), and a few times a second the markers of its
 * outer ring when those changed. The cost per tick is each client's own few, never the whole crowd.
 */
export function createPoseChannel() {
  const entries = new Map<string, PoseEntry>();
  const used = new Set<number>();
  let nextN = 1;
  /** Per client: the version of each pose it has been sent. */
  const sent = new Map<string, Map<string, number>>();
  /** Per client: a digest of the outer ring it was last sent. */
  const farSent = new Map<string, number>();
  let scratch = new Uint8Array(2 + 64 * POSE_BYTES);
  const batch: WirePose[] = [];

  function allocate(): number {
    while (used.has(nextN) || nextN === 0) nextN = (nextN + 1) & 0xffff;
    used.add(nextN);
    return nextN;
  }

  return {
    /** A new avatar (or a mirrored one): gets its number for the messages. */
    add(key: string, x: number, z: number, ry: number): PoseEntry {
      const e: PoseEntry = {
        n: allocate(),
        x: onWire(x),
        z: onWire(z),
        ry,
        version: 1,
        farX: onWire(x),
        farZ: onWire(z),
        farVersion: 1,
      };
      entries.set(key, e);
      return e;
    },
    remove(key: string): void {
      const e = entries.get(key);
      if (!e) return;
      used.delete(e.n);
      entries.delete(key);
    },
    get: (key: string) => entries.get(key),

    /** Returns the position as the wire carries it (the server keeps exactly what clients see). */
    move(key: string, x: number, z: number, ry: number): { x: number; z: number } {
      const e = entries.get(key);
      const wx = onWire(x);
      const wz = onWire(z);
      if (!e) return { x: wx, z: wz };
      if (e.x !== wx || e.z !== wz || Math.abs(e.ry - ry) > 1e-3) {
        e.x = wx;
        e.z = wz;
        e.ry = ry;
        e.version++;
      }
      if (Math.hypot(e.farX - wx, e.farZ - wz) >= FAR_STEP_M) {
        e.farX = wx;
        e.farZ = wz;
        e.farVersion++;
      }
      return { x: wx, z: wz };
    },

    /** `key` left what `client` sees in full: if it comes back, its pose is sent afresh. */
    unseen(client: string, key: string): void {
      sent.get(client)?.delete(key);
    },
    forgetClient(client: string): void {
      sent.delete(client);
      farSent.delete(client);
    },
    /** Sent afresh next time (the client reconnected: what was on the way is lost). */
    resend(client: string): void {
      this.forgetClient(client);
    },

    /** Each client: the poses it sees in full that changed since it was last sent them. */
    sendNear(
      clients: Iterable<string>,
      seenBy: (client: string) => Iterable<string>[],
      send: (client: string, bytes: Uint8Array) => void,
    ): void {
      for (const client of clients) {
        let versions = sent.get(client);
        if (!versions) sent.set(client, (versions = new Map()));
        batch.length = 0;
        for (const keys of seenBy(client)) {
          for (const key of keys) {
            if (key === client) continue;
            const e = entries.get(key);
            if (!e || versions.get(key) === e.version) continue;
            versions.set(key, e.version);
            batch.push(e);
          }
        }
        if (batch.length === 0) continue;
        if (scratch.byteLength < 2 + batch.length * POSE_BYTES) {
          scratch = new Uint8Array(2 + batch.length * 2 * POSE_BYTES);
        }
        send(client, encodePoses(batch, scratch));
      }
    },

    /** Each client: its outer ring's markers, when the ring or one of its markers changed. */
    sendFar(
      clients: Iterable<string>,
      ringOf: (client: string) => Iterable<string>,
      send: (client: string, bytes: Uint8Array) => void,
    ): void {
      for (const client of clients) {
        const people: { n: number; x: number; z: number }[] = [];
        let digest = 0;
        for (const key of ringOf(client)) {
          const e = entries.get(key);
          if (!e) continue;
          people.push({ n: e.n, x: e.farX, z: e.farZ });
          digest = (Math.imul(digest ^ e.n, 2654435761) + e.farVersion) | 0;
        }
        digest = (digest + people.length) | 0;
        if (farSent.get(client) === digest) continue;
        farSent.set(client, digest);
        send(client, encodeFar(people));
      }
    },
  };
}
export type PoseChannel = ReturnType<typeof createPoseChannel>;
