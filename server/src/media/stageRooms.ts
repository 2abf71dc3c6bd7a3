import { randomBytes, randomInt } from 'node:crypto';
import { janusRoomOf, type JanusClient } from './janusClient.ts';

export interface StageInfo {
  url: string;
  room: number;
  pin: string;
}

export interface StageKeys {
  pin: string;
  secret: string;
}

/** Where the keys of live stages are kept, so a restarted server can still run (and end) them. */
export interface StageKeyStore {
  save(eventId: number, keys: StageKeys | null): Promise<void>;
  live(): Promise<{ eventId: number; keys: StageKeys }[]>;
}

/** Janus accepts publisher ids up to 2^53; random ones cannot be guessed by someone who wants the stage. */
export const newFeedId = () => randomInt(1, 2 ** 47);

/**
 * The Janus VideoRoom of each live briefing. The PIN (given only to people inside the briefing room)
 * lets them in; the secret (never leaves the server) guards destroy and kick. Only the feeds the
 * briefing allowed (presenters, invited speakers) may publish: `sweep` removes anyone else.
 */
export function createStageRooms(janus: JanusClient, publicUrl: string, store: StageKeyStore) {
  const keys = new Map<number, StageKeys>();
  const allowed = new Map<number, Set<number>>();
  let sweeping = false;
  return {
    async open(eventId: number, title: string): Promise<void> {
      const k = { pin: randomBytes(12).toString('base64url'), secret: randomBytes(24).toString('base64url') };
      await janus.createRoom(janusRoomOf(eventId), title.slice(0, 100), 6, k);
      keys.set(eventId, k);
      await store.save(eventId, k);
    },
    async close(eventId: number): Promise<void> {
      const k = keys.get(eventId);
      keys.delete(eventId);
      allowed.delete(eventId);
      await store.save(eventId, null);
      if (k && (await janus.exists(janusRoomOf(eventId)).catch(() => false)))
        await janus.destroyRoom(janusRoomOf(eventId), k.secret);
    },
    /** After a restart: the live stages and their keys, recreated in Janus if it lost them. */
    async restore(titleOf: (eventId: number) => Promise<string>): Promise<void> {
      for (const { eventId, keys: k } of await store.live()) {
        keys.set(eventId, k);
        if (!(await janus.exists(janusRoomOf(eventId)).catch(() => true)))
          await janus.createRoom(janusRoomOf(eventId), (await titleOf(eventId)).slice(0, 100), 6, k);
      }
    },
    /** The stage of a live event, wherever it went live (another process saved its keys). */
    async info(eventId: number): Promise<StageInfo | null> {
      let k = keys.get(eventId);
      if (!k) {
        k = (await store.live()).find((s) => s.eventId === eventId)?.keys;
        if (k) keys.set(eventId, k);
      }
      return k ? { url: publicUrl, room: janusRoomOf(eventId), pin: k.pin } : null;
    },
    /**
     * The feeds the event's briefing room (on this process) allows; null when that room closes here.
     * Only stages whose briefing runs on this process are swept by it: another process's room hands
     * out feeds this one never hears of.
     */
    allow(eventId: number, feeds: Iterable<number> | null): void {
      if (feeds) allowed.set(eventId, new Set(feeds));
      else allowed.delete(eventId);
    },
    /** Kicks every publisher of a live stage whose id the briefing did not hand out. */
    async sweep(): Promise<number> {
      // A slow Janus must not stack sweeps on top of each other.
      if (sweeping) return 0;
      sweeping = true;
      try {
        return await sweepOnce();
      } finally {
        sweeping = false;
      }
    },
  };
  async function sweepOnce(): Promise<number> {
    let kicked = 0;
    for (const [eventId, ok] of allowed) {
      const k = keys.get(eventId);
      if (!k) continue;
      const room = janusRoomOf(eventId);
      for (const p of await janus.participants(room).catch(() => [])) {
        if (ok.has(p.id)) continue;
        await janus.kick(room, k.secret, p.id).then(
          () => kicked++,
          () => {},
        );
      }
    }
    return kicked;
  }
}
export type StageRooms = ReturnType<typeof createStageRooms>;
