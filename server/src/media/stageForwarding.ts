import { randomInt } from 'node:crypto';
import type { JanusInstance, StageKeys } from './stageTypes.ts';

/** The instance each allowed feed may be published on: its publisher's. */
export type FeedSources = Map<number, number>;

type Participant = Awaited<ReturnType<JanusInstance['janus']['participants']>>[number];

/**
 * Keeps one stage's rooms on several Janus instances showing the same feeds. Each feed is published on
 * its publisher's instance and copied to the others as a VideoRoom remote publisher (Janus 1.1:
 * `add_remote_publisher` on the target announces it under the same id, `publish_remotely` on the source
 * sends its RTP there), so viewers anywhere subscribe to the feed ids the briefing shows. Run by the
 * stage sweep: what is in the rooms is compared with what should be, and the difference mended; a
 * step that fails is tried again at the next sweep.
 */
export function createStageForwarding(instances: JanusInstance[]) {
  /** Copies this process made and still believes in, as `room/feed/target`. */
  const copies = new Set<string>();
  const key = (room: number, feed: number, target: number) => `${room}/${feed}/${target}`;

  async function forward(keys: StageKeys, source: number, target: number, feed: number, display: string) {
    const from = instances[source]!.janus;
    const to = instances[target]!.janus;
    // A passive participant for a moment, to learn the feed's streams; its id is nobody's feed.
    const streams = await from.publishedStreams(keys.room, keys.pin, feed, randomInt(2 ** 47, 2 ** 48));
    if (!streams) return; // joined, not sending yet
    // A copy left by a process that stopped, or one whose source went and came back: start afresh.
    await to.removeRemotePublisher(keys.room, keys.secret, feed).catch(() => {});
    const port = await to.addRemotePublisher(keys.room, keys.secret, feed, display, streams);
    const remoteId = `to-${target}`;
    await from.unpublishRemotely(keys.room, keys.secret, feed, remoteId).catch(() => {});
    try {
      await from.publishRemotely(keys.room, keys.secret, feed, remoteId, {
        host: instances[target]!.forwardHost,
        ...port,
      });
    } catch (err) {
      await to.removeRemotePublisher(keys.room, keys.secret, feed).catch(() => {});
      throw err;
    }
    copies.add(key(keys.room, feed, target));
  }

  return {
    /** The stage ended: its copies went with its rooms. */
    forget(room: number): void {
      for (const k of copies) if (k.startsWith(`${room}/`)) copies.delete(k);
    },
    /** One sweep of one stage over the instances holding its room; returns how many were kicked. */
    async reconcile(keys: StageKeys, present: number[], sources: FeedSources): Promise<number> {
      const { room, secret } = keys;
      const lists = new Map<number, Participant[]>();
      for (const i of present) {
        const list = await instances[i]!.janus.participants(room).catch(() => null);
        if (list) lists.set(i, list);
      }
      let kicked = 0;
      const live = new Map<number, { source: number; display: string }>();
      for (const [i, list] of lists) {
        for (const p of list) {
          if (p.remote) continue;
          // Not handed out, or a handed-out id used on another instance than its owner's.
          if (sources.get(p.id) !== i) {
            await instances[i]!.janus.kick(room, secret, p.id).then(
              () => kicked++,
              () => {},
            );
          } else if (p.publisher) live.set(p.id, { source: i, display: p.display ?? '' });
        }
      }
      // Copies whose feed stopped (or that this process did not make) go; viewers see the feed leave.
      for (const [j, list] of lists) {
        for (const p of list) {
          if (!p.remote) continue;
          const source = live.get(p.id)?.source;
          if (source !== undefined && source !== j && copies.has(key(room, p.id, j))) continue;
          copies.delete(key(room, p.id, j));
          await instances[j]!.janus.removeRemotePublisher(room, secret, p.id).catch(() => {});
        }
      }
      for (const [feed, { source, display }] of live) {
        for (const [j, list] of lists) {
          if (j === source) continue;
          const there = list.some((p) => p.id === feed && p.remote) && copies.has(key(room, feed, j));
          if (!there) await forward(keys, source, j, feed, display).catch(() => {});
        }
      }
      return kicked;
    },
  };
}
