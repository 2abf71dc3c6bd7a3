import { BriefingClientMessage, type EventView, type NewEvent } from '../../../shared/protocol/index.ts';
import { joinBriefing, leaveBriefing, sendBriefing } from '../net/briefingConnection.ts';
import { eventsApi } from '../net/eventsApi.ts';
import { publishStage, watchStage } from '../media/stageMedia.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { useAppStore } from '../store/appStore.ts';

const m = BriefingClientMessage;

export const briefingActions = {
  async refresh(): Promise<void> {
    useBriefingStore.getState().set({ events: await eventsApi.list() });
  },
  calendarUrl: eventsApi.calendarUrl,
  join: (event: EventView) =>
    joinBriefing(
      event,
      useAppStore.getState().profile?.nickname ?? '',
      useQueueStore.getState().staff !== null,
    ),
  leave: () => void leaveBriefing(),
  /** The presenter goes on stage with camera and microphone (through the SFU). */
  async goOnStage(): Promise<boolean> {
    const b = useBriefingStore.getState();
    const me = b.people.find((p) => p.id === b.selfId);
    if (!b.stage) return false;
    return publishStage(b.stage, me?.nickname ?? '').then(
      () => true,
      () => false,
    );
  },
  watch(): void {
    const stage = useBriefingStore.getState().stage;
    if (stage) void watchStage(stage).catch(() => {});
  },
  raiseHand: (up: boolean) => sendBriefing(m.raiseHand, { up }),
  ask: (text: string) => sendBriefing(m.ask, { text }),
  vote: (questionId: number) => sendBriefing(m.vote, { questionId }),
  pin: (questionId: number, pinned: boolean) => sendBriefing(m.pin, { questionId, pinned }),
  hide: (questionId: number) => sendBriefing(m.hide, { questionId }),
  answered: (questionId: number) => sendBriefing(m.markAnswered, { questionId }),
  lowerHand: (sessionId: string) => sendBriefing(m.lowerHand, { sessionId }),
  invite: (sessionId: string) => sendBriefing(m.invite, { sessionId }),
  remove: (sessionId: string) => sendBriefing(m.remove, { sessionId }),
  async create(e: NewEvent) {
    const r = await eventsApi.create(e);
    await briefingActions.refresh();
    return r;
  },
  async setLive(id: number, live: boolean) {
    const ok = await eventsApi.setLive(id, live);
    await briefingActions.refresh();
    return ok;
  },
};
