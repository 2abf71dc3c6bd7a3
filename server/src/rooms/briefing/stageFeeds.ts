import { newFeedId } from '../../media/stageTypes.ts';
import type { BriefingPerson } from '../../../../shared/state/briefingState.ts';

/** Presenters, sign-language interpreters and invited speakers publish on the stage; nobody else. */
export const mayPublish = (p: BriefingPerson | undefined) =>
  !!p && (p.role === 'presenter' || p.role === 'interpreter' || p.speaking);

/**
 * The Janus publisher ids one briefing handed out, by session. Each go-on-air gets a fresh id, told only to
 * the publisher; `allow` tells the stage which ids to keep (Janus kicks the rest), so an id someone grabbed
 * after it became public stops working as soon as its owner asks for a new one.
 */
export function createStageFeeds(allow: (feeds: { feed: number; sessionId: string }[]) => void) {
  const handed = new Map<string, number>();
  // With whose they are: a feed may be published only on its owner's Janus instance.
  const tell = () => allow([...handed].map(([sessionId, feed]) => ({ feed, sessionId })));
  return {
    handOut(sessionId: string): number {
      const id = newFeedId();
      handed.set(sessionId, id);
      tell();
      return id;
    },
    isHandedTo: (sessionId: string, feed: number) => handed.get(sessionId) === feed,
    handedTo: (sessionId: string): number | undefined => handed.get(sessionId),
    /** Drops the ids of sessions that may no longer publish (gone, or their turn to speak ended). */
    keep(mayPublish: (sessionId: string) => boolean): void {
      for (const sid of [...handed.keys()]) if (!mayPublish(sid)) handed.delete(sid);
      tell();
    },
  };
}
