import { JanusError, ROOM_EXISTS } from './janusClient.ts';
import type { JanusInstance, StageKeys } from './stageTypes.ts';

/** VideoRoom publishers at once: presenter, interpreter and a few invited speakers. */
export const PUBLISHERS = 6;

/** One live stage as this process knows it: its keys, and where its room is on which instance. */
export interface Stage {
  keys: StageKeys;
  title: string;
  origin: number;
  /** Instances known to hold the room, and those where a room of someone else has its id. */
  present: Set<number>;
  barred: Set<number>;
  /** The instance each member of the briefing (on this process) was sent to. */
  members: Map<string, number>;
  creating: Map<number, Promise<boolean>>;
}

export function newStage(keys: StageKeys, title: string, origin: number): Stage {
  return {
    keys,
    title,
    origin,
    present: new Set([origin]),
    barred: new Set(),
    members: new Map(),
    creating: new Map(),
  };
}

/**
 * Makes the stage's room on instance `i`: true when it is there (made now, or ours from before: our secret
 * opens it). A room with the id that is someone else's bars the instance for this stage; one that does
 * not answer only fails this time.
 */
export function ensureRoom(instances: JanusInstance[], s: Stage, i: number): Promise<boolean> {
  if (s.present.has(i)) return Promise.resolve(true);
  if (s.barred.has(i)) return Promise.resolve(false);
  const pending = s.creating.get(i);
  if (pending) return pending;
  const janus = instances[i]!.janus;
  const made = janus
    .createRoom(s.keys.room, s.title.slice(0, 100) || 'briefing', PUBLISHERS, s.keys)
    .then(
      () => true,
      async (err: unknown) => {
        if (!(err instanceof JanusError && err.code === ROOM_EXISTS)) throw err;
        return janus.owns(s.keys.room, s.keys.secret);
      },
    )
    .then(
      (ours) => {
        (ours ? s.present : s.barred).add(i);
        return ours;
      },
      () => false,
    )
    .finally(() => s.creating.delete(i));
  s.creating.set(i, made);
  return made;
}

/**
 * The instance for a new member: staff at the origin (publishers publish there); attendees at the origin
 * first, then the next instances in turn as each fills its share, and when all are full the least loaded.
 */
export function chooseInstance(
  s: Stage,
  count: number,
  share: number,
  publisherRole: boolean,
  skip: Set<number>,
): number | null {
  if (publisherRole) return skip.has(s.origin) ? null : s.origin;
  const order = Array.from({ length: count }, (_, i) => (s.origin + i) % count).filter(
    (i) => !s.barred.has(i) && !skip.has(i),
  );
  if (order.length === 0) return null;
  const load = new Map<number, number>();
  for (const i of s.members.values()) load.set(i, (load.get(i) ?? 0) + 1);
  const free = order.find((i) => (load.get(i) ?? 0) < share);
  return free ?? order.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
}
