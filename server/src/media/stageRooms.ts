import { randomBytes, randomInt } from 'node:crypto';
import { JanusError, ROOM_EXISTS } from './janusClient.ts';
import { createStageForwarding, type FeedSources } from './stageForwarding.ts';
import { chooseInstance, ensureRoom, newStage, PUBLISHERS, type Stage } from './stageSpread.ts';
import type { JanusInstance, StageInfo, StageKeys, StageKeyStore } from './stageTypes.ts';

/**
 * Room ids are drawn, not derived from the event: a fresh database, another server on the same Janus or a
 * room left by a crash would hold the derived one. Below 2^31 so any database's integer column holds it.
 */
const newRoomId = () => randomInt(1_000_000, 2 ** 31 - 1);
const ROOM_TRIES = 5;

/**
 * The Janus VideoRoom of each live briefing, on one or several Janus instances. The PIN (given only to
 * people inside the briefing room) lets them in; the secret (never leaves the server) guards destroy,
 * kick and forwarding. The room opens on one instance; members beyond `viewersPerInstance` there are
 * sent to the next, where the room is created then and every feed is forwarded to it. Only the feeds
 * the briefing allowed (presenters, invited speakers), each on its publisher's instance, may publish:
 * `sweep` removes anyone else.
 */
export function createStageRooms(
  instances: JanusInstance[],
  store: StageKeyStore,
  opts: { viewersPerInstance: number },
) {
  const stages = new Map<number, Stage>();
  /** Feed id → publisher session, per stage whose briefing runs on this process. */
  const allowed = new Map<number, Map<number, string>>();
  const forwarding = createStageForwarding(instances);
  let sweeping = false;
  const indexOf = (url: string) =>
    Math.max(
      0,
      instances.findIndex((i) => i.url === url),
    );

  function remember(eventId: number, keys: StageKeys, title: string): Stage {
    const s = newStage(keys, title, indexOf(keys.origin));
    stages.set(eventId, s);
    return s;
  }

  async function stageOf(eventId: number): Promise<Stage | null> {
    const known = stages.get(eventId);
    if (known) return known;
    const saved = (await store.live()).find((s) => s.eventId === eventId);
    return stages.get(eventId) ?? (saved ? remember(eventId, saved.keys, '') : null);
  }

  const infoAt = (s: Stage, i: number): StageInfo => ({
    url: instances[i]!.publicUrl,
    room: s.keys.room,
    pin: s.keys.pin,
    instance: i,
  });

  return {
    async open(eventId: number, title: string): Promise<void> {
      // The instance that is origin to the fewest live stages: briefings at the same time spread out.
      const live = await store.live();
      const load = instances.map(
        (inst) => live.filter((s) => indexOf(s.keys.origin) === indexOf(inst.url)).length,
      );
      const origin = load.indexOf(Math.min(...load));
      const pin = randomBytes(12).toString('base64url');
      const secret = randomBytes(24).toString('base64url');
      for (let attempt = 1; ; attempt++) {
        const room = newRoomId();
        try {
          await instances[origin]!.janus.createRoom(room, title.slice(0, 100), PUBLISHERS, { pin, secret });
        } catch (err) {
          if (err instanceof JanusError && err.code === ROOM_EXISTS && attempt < ROOM_TRIES) continue;
          throw err;
        }
        const keys = { pin, secret, room, origin: instances[origin]!.url };
        try {
          await store.save(eventId, keys);
        } catch (err) {
          // Nobody could end a stage whose keys were not kept.
          await instances[origin]!.janus.destroyRoom(room, secret).catch(() => {});
          throw err;
        }
        remember(eventId, keys, title);
        return;
      }
    },
    async close(eventId: number): Promise<void> {
      const s = await stageOf(eventId);
      stages.delete(eventId);
      allowed.delete(eventId);
      await store.save(eventId, null);
      if (!s) return;
      forwarding.forget(s.keys.room);
      let failure: unknown = null;
      for (const [i, inst] of instances.entries()) {
        if (s.barred.has(i) || !(await inst.janus.exists(s.keys.room).catch(() => false))) continue;
        // Elsewhere than the origin a room with this id may be someone else's (our secret fails): it stays.
        await inst.janus.destroyRoom(s.keys.room, s.keys.secret).catch((err: unknown) => {
          if (i === s.origin || !(err instanceof JanusError && err.reachable)) failure ??= err;
        });
      }
      if (failure) throw failure;
    },
    /** After a restart: the live stages and their keys, recreated on their origin if Janus lost them. */
    async restore(titleOf: (eventId: number) => Promise<string>): Promise<void> {
      for (const { eventId, keys } of await store.live()) {
        const s = remember(eventId, keys, await titleOf(eventId));
        const janus = instances[s.origin]!.janus;
        if (!(await janus.exists(keys.room).catch(() => true)))
          await janus.createRoom(keys.room, s.title.slice(0, 100), PUBLISHERS, keys);
      }
    },
    /** The stage of a live event at its origin, wherever it went live (another process saved its keys). */
    async info(eventId: number): Promise<StageInfo | null> {
      const s = await stageOf(eventId);
      return s && infoAt(s, s.origin);
    },
    /**
     * The instance one member of the briefing uses, chosen by the server (never by the client):
     * presenters and staff at the origin, attendees where there is room.
     */
    async place(eventId: number, sessionId: string, publisherRole: boolean): Promise<StageInfo | null> {
      const s = await stageOf(eventId);
      if (!s) return null;
      const tried = new Set<number>();
      for (;;) {
        const i = chooseInstance(s, instances.length, opts.viewersPerInstance, publisherRole, tried);
        if (i === null) break;
        // Counted before the room is made, so a crowd joining at once does not all land on one instance.
        s.members.set(sessionId, i);
        if (await ensureRoom(instances, s, i)) return infoAt(s, i);
        tried.add(i);
      }
      s.members.set(sessionId, s.origin);
      return infoAt(s, s.origin);
    },
    left(eventId: number, sessionId: string): void {
      stages.get(eventId)?.members.delete(sessionId);
    },
    /**
     * The feeds the event's briefing room (on this process) allows, with who publishes each; null when
     * that room closes here. Only stages whose briefing runs on this process are swept by it: another
     * process's room hands out feeds this one never hears of.
     */
    allow(eventId: number, feeds: { feed: number; sessionId: string }[] | null): void {
      if (feeds) allowed.set(eventId, new Map(feeds.map((f) => [f.feed, f.sessionId])));
      else {
        allowed.delete(eventId);
        stages.get(eventId)?.members.clear();
      }
    },
    /**
     * Kicks every publisher of a live stage whose id the briefing did not hand out (or that uses one on
     * another instance than its owner's), and forwards each feed to the stage's other instances.
     */
    async sweep(): Promise<number> {
      // A slow Janus must not stack sweeps on top of each other.
      if (sweeping) return 0;
      sweeping = true;
      try {
        let kicked = 0;
        for (const [eventId, feeds] of allowed) {
          const s = stages.get(eventId);
          if (!s) continue;
          const sources: FeedSources = new Map(
            [...feeds].map(([feed, sessionId]) => [feed, s.members.get(sessionId) ?? s.origin]),
          );
          kicked += await forwarding.reconcile(s.keys, [...s.present], sources);
        }
        return kicked;
      } finally {
        sweeping = false;
      }
    },
  };
}
export type StageRooms = ReturnType<typeof createStageRooms>;
