import { Client, CloseCode, type Room } from '@colyseus/sdk';
import {
  BRIEFING_ROOM,
  BriefingProtocol,
  QUESTION_LIMITS,
  type BriefingErrorCode,
  type ClientPayload,
  type ClientType,
  type EventView,
} from '../../../shared/protocol/index.ts';
import { receiver, speaker } from './typedRoom.ts';
import type { BriefingState } from '../../../shared/state/briefingState.ts';
import { NO_COUNTS, selfOf, useBriefingStore } from '../store/briefingStore.ts';
import { mirrorBriefingLists } from './briefingMirror.ts';
import { useHallStore } from '../store/hallStore.ts';
import { serverEndpoint } from './endpoint.ts';
import { staffApi } from './staffApi.ts';
import { configureSfuLink, publishStage, showStreams, stagePeople, stopStage } from '../media/stageMedia.ts';
import { configureP2p, p2pReceive } from '../media/p2pStage.ts';
import { forgetVisitorToken, visitorToken as tabVisitorToken } from './visitorToken.ts';
import type { MessageKey } from '../i18n/ja.ts';
import { eventsApi } from './eventsApi.ts';
import { eventList } from './eventList.ts';
import { retryUntil } from './retryUntil.ts';
import { reconnectBriefly } from './reconnectPolicy.ts';

/** The briefing's room could not be reached again (its process died): join it afresh, as in the hall. */
const REJOIN_DELAYS_MS = [0, 1000, 2000, 4000];
const REJOIN_FOR_MS = 2 * 60_000;
/** Bumped when the person joins or leaves a briefing: a rejoin of an older one stops. */
let session = 0;

type BriefingStoreState = Parameters<ReturnType<typeof useBriefingStore.getState>['set']>[0];

const toBriefing = speaker(BriefingProtocol);
const onBriefing = receiver(BriefingProtocol);
/** Refusals a person can act on get their own words; anything else is "the briefing refused that". */
const REFUSALS: Partial<Record<BriefingErrorCode, MessageKey>> = {
  tooManyQuestions: 'briefing.error.tooManyQuestions',
  askTooSoon: 'briefing.error.askTooSoon',
  questionsFull: 'briefing.error.questionsFull',
  alreadyVoted: 'briefing.error.alreadyVoted',
  rateLimited: 'serverError.rateLimited',
};
const FEED_WAIT_MS = 10_000;

let room: Room<unknown, BriefingState> | null = null;
/** This browser was on stage when the briefing was lost for good: once joined again, it goes back on. */
let backOnStage = false;

const EMPTY: Partial<BriefingStoreState> = {
  event: null,
  people: {},
  counts: NO_COUNTS,
  questions: [],
  questionCount: 0,
  questionPage: 0,
  captions: [],
  selfId: null,
  stage: null,
  slide: 0,
  slides: 0,
  deck: [],
  deckVersion: 0,
};

function mirror(r: Room<unknown, BriefingState>): void {
  const s = r.state;
  const before = useBriefingStore.getState();
  // A replaced deck may have as many pages as the old one: its version, not its length, says it is new.
  if (s.deckVersion !== before.deckVersion && before.event) {
    const eventId = before.event.id;
    const version = s.deckVersion;
    void eventsApi.slides(eventId).then((deck) => {
      const now = useBriefingStore.getState();
      // The deck was replaced again meanwhile: that version's answer is the one to show.
      if (now.event?.id === eventId && now.deckVersion === version) now.set({ deck });
    });
  }
  useBriefingStore.getState().set({
    selfId: r.sessionId,
    slide: s.slide,
    slides: s.slides,
    deckVersion: s.deckVersion,
  });
}

/** Joins a live briefing; staff come in with a hall pass (presenter or moderator, decided by the server). */
export async function joinBriefing(
  event: EventView,
  nickname: string,
  asStaff: boolean,
  seat?: string,
): Promise<boolean> {
  return connect(event, nickname, asStaff, seat, ++session, false);
}

async function connect(
  event: EventView,
  nickname: string,
  asStaff: boolean,
  seat: string | undefined,
  mine: number,
  quiet: boolean,
): Promise<boolean> {
  await closeRoom();
  const staffPass = asStaff ? await staffApi.hallPass() : null;
  try {
    const join = async () => {
      const visitorToken = staffPass ? undefined : await tabVisitorToken();
      return new Client(serverEndpoint()).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
        eventId: event.id,
        nickname,
        ...(staffPass ? { staffPass } : {}),
        ...(seat && !staffPass ? { seat } : {}),
        ...(visitorToken ? { visitorToken } : {}),
      });
    };
    // A token the server no longer accepts (expired, the key changed) is replaced once.
    const joined = await join().catch((err: unknown) => {
      if (!(err instanceof Error && err.message.startsWith('visitorTokenInvalid'))) throw err;
      forgetVisitorToken();
      return join();
    });
    room = joined;
    reconnectBriefly(joined);
    useBriefingStore.getState().set({ event });
    joined.onStateChange(() => mirror(joined));
    // People, questions and captions item by item; the stage's links follow who is here.
    mirrorBriefingLists(joined, stagePeople);
    onBriefing(joined, 'error', (r) => {
      useHallStore.getState().announce(REFUSALS[r.code] ?? 'briefing.refused', {
        n: QUESTION_LIMITS.openPerPerson,
        s: QUESTION_LIMITS.gapS,
      });
    });
    const feedWaiters: ((id: number) => void)[] = [];
    onBriefing(joined, 'feed', (f) => feedWaiters.shift()?.(f.id));
    configureSfuLink({
      requestFeed: () =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('no publisher id from the briefing')),
            FEED_WAIT_MS,
          );
          feedWaiters.push((id) => {
            clearTimeout(timer);
            resolve(id);
          });
          toBriefing(joined, 'requestFeed', {});
        }),
      onAir: (feed) => toBriefing(joined, 'onAir', { feed }),
    });
    onBriefing(joined, 'stage', (stage) => {
      useBriefingStore.getState().set({ stage });
      if (backOnStage) void returnToStage(stage);
      configureP2p({
        iceServers: stage.iceServers,
        send: (to, signal) => toBriefing(joined, 'signal', { to, ...signal }),
        onStreams: (streams) => showStreams(streams.map((stream) => ({ stream }))),
      });
    });
    onBriefing(joined, 'signal', ({ from, ...rest }) => void p2pReceive(from, rest).catch(() => {}));
    joined.onLeave((code) => {
      const ours = room === joined;
      if (ours) room = null;
      const wasOnStage = useBriefingStore.getState().onStage;
      configureSfuLink(null);
      void stopStage();
      useBriefingStore.getState().set(EMPTY);
      if (ours && code === CloseCode.FAILED_TO_RECONNECT && session === mine) {
        useHallStore.getState().announce('briefing.reconnecting');
        backOnStage = wasOnStage;
        const again = async () => {
          if (!(await connect(event, nickname, asStaff, seat, mine, true))) throw new Error('not yet');
        };
        void retryUntil(again, {
          delaysMs: REJOIN_DELAYS_MS,
          forMs: REJOIN_FOR_MS,
          give: () => session !== mine,
        }).then((back) => {
          if (!back && session === mine) useHallStore.getState().announce('briefing.closed');
        });
        return;
      }
      if (code === BriefingProtocol.close.ended) {
        // Over for everyone: it leaves the list now, whether or not the hall's news came first.
        eventList.changed({ ...event, status: 'ended' });
        useHallStore.getState().announce('briefing.ended');
        return;
      }
      useHallStore
        .getState()
        .announce(code === BriefingProtocol.close.removed ? 'briefing.removed' : 'briefing.closed');
    });
    return true;
  } catch (err) {
    const removed = err instanceof Error && err.message.startsWith('removed');
    if (!quiet || removed)
      useHallStore.getState().announce(removed ? 'briefing.removedNoReturn' : 'briefing.joinFailed');
    return false;
  }
}

/**
 * A presenter or interpreter whose briefing was lost (its process died, or the network was gone past the
 * grace time) is back in it as a new member: their camera goes on stage again without a second press, or
 * hundreds of attendees wait for someone on air.
 */
async function returnToStage(stage: NonNullable<BriefingStoreState['stage']>): Promise<void> {
  backOnStage = false;
  // The stage message may come before the first state: the role is known once this person is in it.
  for (let i = 0; i < 50 && !selfOf(useBriefingStore.getState()); i++)
    await new Promise((r) => setTimeout(r, 100));
  const me = selfOf(useBriefingStore.getState());
  if (me?.role !== 'presenter' && me?.role !== 'interpreter') return;
  await publishStage(stage, me.nickname).then(
    () => useHallStore.getState().announce('briefing.backOnStage'),
    () => useHallStore.getState().announce('briefing.mediaFailed'),
  );
}

/** Sends a message of the briefing's protocol; the server validates it again and decides who may. */
export function sendBriefing<K extends ClientType<BriefingProtocol>>(
  type: K,
  payload: ClientPayload<BriefingProtocol, K>,
): void {
  toBriefing(room, type, payload);
}

export async function leaveBriefing(): Promise<void> {
  session++;
  backOnStage = false;
  await closeRoom();
}

async function closeRoom(): Promise<void> {
  const r = room;
  room = null;
  await stopStage();
  if (r) await r.leave(true).catch(() => {});
  useBriefingStore.getState().set(EMPTY);
}

/** For tests and diagnostics only: the briefing's socket closes as a network failure would. */
export function simulateBriefingDrop(): void {
  (room?.connection as unknown as { transport?: { ws?: WebSocket } })?.transport?.ws?.close();
}
