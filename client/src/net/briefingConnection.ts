import { Client, type Room } from '@colyseus/sdk';
import { z } from 'zod';
import {
  BRIEFING_ROOM,
  BriefingRefusal,
  FeedMessage,
  IceServer,
  QUESTION_LIMITS,
  SignalMessage,
  type BriefingClientMessage,
  type BriefingErrorCode,
  type EventView,
} from '../../../shared/protocol/index.ts';
import type { BriefingState } from '../../../shared/state/briefingState.ts';
import { orderQuestions } from '../../../shared/briefing/questionOrder.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { serverEndpoint } from './endpoint.ts';
import { staffApi } from './staffApi.ts';
import { configureSfuLink, showStreams, stagePeople, stopStage } from '../media/stageMedia.ts';
import { configureP2p, p2pReceive } from '../media/p2pStage.ts';
import { storedResumeToken } from './hallConnection.ts';
import type { MessageKey } from '../i18n/ja.ts';
import { eventsApi } from './eventsApi.ts';

type BriefingStoreState = Parameters<ReturnType<typeof useBriefingStore.getState>['set']>[0];

const StageMessage = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('sfu'),
    url: z.string(),
    room: z.number(),
    pin: z.string(),
    iceServers: z.array(IceServer),
  }),
  z.object({ mode: z.literal('p2p'), limit: z.number(), iceServers: z.array(IceServer) }),
]);
const IncomingSignal = SignalMessage.omit({ to: true }).extend({ from: z.string() });
/** Refusals a person can act on get their own words; anything else is "the briefing refused that". */
const REFUSALS: Partial<Record<BriefingErrorCode, MessageKey>> = {
  tooManyQuestions: 'briefing.error.tooManyQuestions',
  askTooSoon: 'briefing.error.askTooSoon',
  questionsFull: 'briefing.error.questionsFull',
  alreadyVoted: 'briefing.error.alreadyVoted',
};
const FEED_WAIT_MS = 10_000;

let room: Room<unknown, BriefingState> | null = null;

const EMPTY: Partial<BriefingStoreState> = {
  event: null,
  people: [],
  questions: [],
  selfId: null,
  stage: null,
  slide: 0,
  slides: 0,
  deck: [],
};

function mirror(r: Room<unknown, BriefingState>): void {
  const s = r.state;
  const before = useBriefingStore.getState();
  if (s.slides !== before.slides && before.event) {
    const eventId = before.event.id;
    void eventsApi.slides(eventId).then((deck) => {
      if (useBriefingStore.getState().event?.id === eventId) useBriefingStore.getState().set({ deck });
    });
  }
  useBriefingStore.getState().set({
    selfId: r.sessionId,
    slide: s.slide,
    slides: s.slides,
    people: [...(s.people?.entries() ?? [])].map(([id, p]) => ({
      id,
      nickname: p.nickname,
      role: p.role,
      seat: p.seat,
      overflow: p.overflow,
      hand: p.hand,
      speaking: p.speaking,
      viewer: p.viewer,
      feed: p.feed,
    })),
    questions: orderQuestions(
      [...(s.questions ?? [])].map((q) => ({
        id: q.id,
        text: q.text,
        author: q.author,
        votes: q.votes,
        pinned: q.pinned,
        answered: q.answered,
        at: q.at,
      })),
    ),
  });
  stagePeople();
}

/** Joins a live briefing; staff come in with a hall pass (presenter or moderator, decided by the server). */
export async function joinBriefing(
  event: EventView,
  nickname: string,
  asStaff: boolean,
  seat?: string,
): Promise<boolean> {
  await leaveBriefing();
  const staffPass = asStaff ? await staffApi.hallPass() : null;
  try {
    const resumeToken = staffPass ? undefined : storedResumeToken();
    const joined = await new Client(serverEndpoint()).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
      eventId: event.id,
      nickname,
      ...(staffPass ? { staffPass } : {}),
      ...(seat && !staffPass ? { seat } : {}),
      ...(resumeToken ? { resumeToken } : {}),
    });
    room = joined;
    useBriefingStore.getState().set({ event });
    joined.onStateChange(() => mirror(joined));
    joined.onMessage('error', (m: unknown) => {
      const r = BriefingRefusal.safeParse(m);
      useHallStore.getState().announce((r.success && REFUSALS[r.data.code]) || 'briefing.refused', {
        n: QUESTION_LIMITS.openPerPerson,
        s: QUESTION_LIMITS.gapS,
      });
    });
    const feedWaiters: ((id: number) => void)[] = [];
    joined.onMessage('feed', (m: unknown) => {
      const f = FeedMessage.safeParse(m);
      if (f.success) feedWaiters.shift()?.(f.data.id);
    });
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
          joined.send('requestFeed', {});
        }),
      onAir: (feed) => joined.send('onAir', { feed }),
    });
    joined.onMessage('stage', (m: unknown) => {
      const stage = StageMessage.safeParse(m);
      if (!stage.success) return;
      useBriefingStore.getState().set({ stage: stage.data });
      configureP2p({
        iceServers: stage.data.iceServers,
        send: (to, signal) => joined.send('signal', { to, ...signal }),
        onStreams: showStreams,
      });
    });
    joined.onMessage('signal', (m: unknown) => {
      const signal = IncomingSignal.safeParse(m);
      if (signal.success) {
        const { from, ...rest } = signal.data;
        void p2pReceive(from, rest).catch(() => {});
      }
    });
    joined.onLeave((code) => {
      if (room === joined) room = null;
      configureSfuLink(null);
      void stopStage();
      useBriefingStore.getState().set(EMPTY);
      useHallStore.getState().announce(code === 4403 ? 'briefing.removed' : 'briefing.closed');
    });
    return true;
  } catch (err) {
    const removed = err instanceof Error && err.message.startsWith('removed');
    useHallStore.getState().announce(removed ? 'briefing.removedNoReturn' : 'briefing.joinFailed');
    return false;
  }
}

export function sendBriefing(
  type: (typeof BriefingClientMessage)[keyof typeof BriefingClientMessage],
  payload: object,
): void {
  room?.send(type, payload);
}

export async function leaveBriefing(): Promise<void> {
  const r = room;
  room = null;
  await stopStage();
  if (r) await r.leave(true).catch(() => {});
  useBriefingStore.getState().set(EMPTY);
}
