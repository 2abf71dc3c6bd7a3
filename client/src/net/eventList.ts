import type { EventView } from '../../../shared/protocol/index.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { eventsApi } from './eventsApi.ts';

/** News the hall pushed, numbered, the latest few: a list fetched meanwhile may predate them. */
let pushes: { seq: number; event: EventView }[] = [];
let seq = 0;
const KEPT_PUSHES = 20;

/** The list with one briefing's news: an ended one leaves it (as the server's list leaves it out). */
function withEvent(list: EventView[], e: EventView): EventView[] {
  const others = list.filter((x) => x.id !== e.id);
  if (e.status === 'ended') return others;
  return [...others, e].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/**
 * The briefings residents see: fetched when the panel opens and every 30 s, and changed at once by what
 * the hall pushes (created, started, ended) or by a briefing closing because it ended.
 */
export const eventList = {
  async refresh(): Promise<void> {
    const from = seq;
    const list = await eventsApi.list();
    // A start or an end pushed while the request was out is newer than the answer: laid over it again.
    const since = pushes.filter((p) => p.seq > from);
    useBriefingStore.getState().set({ events: since.reduce((l, p) => withEvent(l, p.event), list) });
  },
  changed(e: EventView): void {
    pushes = [...pushes.slice(1 - KEPT_PUSHES), { seq: ++seq, event: e }];
    const { events, set } = useBriefingStore.getState();
    set({ events: withEvent(events, e) });
  },
};
