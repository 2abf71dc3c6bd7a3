import { BriefingClientMessage, type EventView, type NewEventInput } from '../../../shared/protocol/index.ts';
import { joinBriefing, leaveBriefing, sendBriefing } from '../net/briefingConnection.ts';
import { eventsApi } from '../net/eventsApi.ts';
import { eventList } from '../net/eventList.ts';
import { publishStage, setAudioOnly, shareScreen, speak, watchStage } from '../media/stageMedia.ts';
import { DeckError, deckFromFiles } from '../slides/deckFromFiles.ts';
import type { MessageKey } from '../i18n/ja.ts';
import { mySeat, nearestFreeSeat, standUp, walkToSeat } from './seating.ts';
import { seatParams } from './seatName.ts';
import { selfOf, useBriefingStore } from '../store/briefingStore.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { useHallStore } from '../store/hallStore.ts';

const m = BriefingClientMessage;

const self = () => selfOf(useBriefingStore.getState());

const announce = (...a: Parameters<ReturnType<typeof useHallStore.getState>['announce']>) =>
  useHallStore.getState().announce(...a);

/** Media that did not start is said out loud (permission refused, no device, the stage unreachable). */
const orSay = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => {
      announce('briefing.mediaFailed');
      return false;
    },
  );

let briefingWatch: (() => void) | null = null;
/**
 * Changes a screen reader should hear while in a briefing: a seat freed for someone waiting in the overflow
 * hall (the avatar walks to it), being invited to speak and the end of that turn (the notice line would
 * otherwise keep asking them to speak), and (for moderators) a newly raised hand.
 */
function watchBriefing(): void {
  briefingWatch?.();
  briefingWatch = useBriefingStore.subscribe((now, before) => {
    if (now.people === before.people) return;
    const me = selfOf(now);
    const was = selfOf(before);
    if (was?.overflow && me && !me.overflow && me.seat) {
      announce('briefing.seatFreed', seatParams(me.seat));
      walkToSeat(me.seat);
    }
    if (me?.speaking && !was?.speaking) announce('briefing.youMaySpeak');
    if (me && was?.speaking && !me.speaking) announce('briefing.turnEnded');
    if (!me || (me.role !== 'presenter' && me.role !== 'moderator')) return;
    // Only the people this patch changed are new objects: the rest are the same as before.
    const raised = Object.values(now.people).find(
      (p) => p.hand && before.people[p.id] !== p && !before.people[p.id]?.hand,
    );
    if (raised) announce('briefing.handRaised', { name: raised.nickname });
  });
}

export const briefingActions = {
  refresh: (): Promise<void> => eventList.refresh(),
  calendarUrl: eventsApi.calendarUrl,
  /**
   * Joins a live briefing. A resident already sitting in the auditorium keeps that seat when it is free;
   * otherwise their avatar walks to the seat the briefing gives them and sits down.
   */
  async join(event: EventView): Promise<boolean> {
    const staff = useQueueStore.getState().staff !== null;
    const ok = await joinBriefing(event, useAppStore.getState().profile?.nickname ?? '', staff, mySeat());
    if (!ok) return ok;
    for (let i = 0; i < 30 && !self(); i++) await new Promise((r) => setTimeout(r, 100));
    watchBriefing();
    const seat = self()?.seat;
    if (seat && !staff) walkToSeat(seat);
    return ok;
  },
  leave: () => {
    briefingWatch?.();
    briefingWatch = null;
    standUp();
    void leaveBriefing();
  },
  /** The presenter goes on stage with camera and microphone (through the SFU, or peer-to-peer). */
  async goOnStage(): Promise<boolean> {
    const b = useBriefingStore.getState();
    if (!b.stage) return false;
    return orSay(publishStage(b.stage, self()?.nickname ?? ''));
  },
  watch(): void {
    const stage = useBriefingStore.getState().stage;
    if (stage) void orSay(watchStage(stage));
  },
  shareScreen: (on: boolean) => orSay(shareScreen(on)),
  /** Sound and slides only (the video stops coming: for a weak connection), or the video back. */
  async audioOnly(on: boolean): Promise<void> {
    await setAudioOnly(on);
    announce(on ? 'briefing.audioOnlyOn' : 'briefing.audioOnlyOff');
  },
  /** An invited attendee turns their microphone on the stage on or off. */
  async speak(on: boolean): Promise<boolean> {
    const stage = useBriefingStore.getState().stage;
    if (!stage) return false;
    return orSay(speak(stage, on, self()?.nickname ?? ''));
  },
  stopSpeaking: (sessionId: string) => sendBriefing(m.stopSpeaking, { sessionId }),
  /** The presenter turns pages; everyone follows. */
  turnTo(index: number): void {
    const { slides } = useBriefingStore.getState();
    if (index >= 0 && index < slides) sendBriefing(m.slide, { index });
  },
  /** Renders a PDF (or takes images) into a deck and replaces the event's slides. */
  async uploadSlides(
    eventId: number,
    files: File[],
  ): Promise<{ ok: boolean; error?: MessageKey; detail?: string }> {
    try {
      const deck = await deckFromFiles(files);
      const r = await eventsApi.uploadSlides(eventId, deck);
      return r.ok ? { ok: true } : { ok: false, error: 'slides.refused', detail: r.message ?? '' };
    } catch (err) {
      if (err instanceof DeckError) return { ok: false, error: err.key, detail: err.detail };
      return { ok: false, error: 'slides.badFile', detail: err instanceof Error ? err.message : '' };
    }
  },
  raiseHand: (up: boolean) => sendBriefing(m.raiseHand, { up }),
  ask: (text: string) => sendBriefing(m.ask, { text }),
  caption: (text: string) => sendBriefing(m.caption, { text }),
  vote: (questionId: number) => sendBriefing(m.vote, { questionId }),
  pin: (questionId: number, pinned: boolean) => sendBriefing(m.pin, { questionId, pinned }),
  hide: (questionId: number) => sendBriefing(m.hide, { questionId }),
  answered: (questionId: number) => sendBriefing(m.markAnswered, { questionId }),
  lowerHand: (sessionId: string) => sendBriefing(m.lowerHand, { sessionId }),
  invite: (sessionId: string) => sendBriefing(m.invite, { sessionId }),
  remove: (sessionId: string) => sendBriefing(m.remove, { sessionId }),
  /** Removes whoever asked a question (the server knows who; moderators are not told their session). */
  removeAuthor: (questionId: number) => sendBriefing(m.removeAuthor, { questionId }),
  /** An attendee turns to another page of questions (they receive one page at a time). */
  questionPage(page: number): void {
    useBriefingStore.getState().set({ questionPage: page });
    sendBriefing(m.questionPage, { page });
  },
  async create(e: NewEventInput) {
    const r = await eventsApi.create(e);
    await briefingActions.refresh();
    return r;
  },
  /** Starts or ends an event; a refusal is announced with its reason (e.g. the video server is down). */
  async setLive(id: number, live: boolean): Promise<boolean> {
    const result = await eventsApi.setLive(id, live);
    await briefingActions.refresh();
    if (result !== 'ok')
      announce(
        result === 'stageUnavailable'
          ? 'events.stageUnavailable'
          : result === 'stageRefused'
            ? 'events.stageRefused'
            : 'events.statusFailed',
      );
    return result === 'ok';
  },
  /** Walks to the nearest free auditorium seat and sits down (for the 2D view, where seats are not drawn). */
  walkToFreeSeat(): void {
    const seat = nearestFreeSeat();
    if (seat) walkToSeat(seat.id);
    else announce('hall.noFreeSeat');
  },
};
