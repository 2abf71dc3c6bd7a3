import { StateView } from '@colyseus/schema';
import { ClientState, type Client } from '@colyseus/core';
import { QUESTION_VIEW } from '../../../../shared/protocol/index.ts';
import { orderQuestions } from '../../../../shared/briefing/questionOrder.ts';
import type { BriefingPerson, BriefingState, Question } from '../../../../shared/state/briefingState.ts';
import { DomainError } from '../../domainError.ts';

/** Presenters (hosts) and moderators act on anyone, so they receive everyone and every question. */
export const seesEveryone = (role: string) => role === 'presenter' || role === 'moderator';

/**
 * Whom every attendee receives: who is on stage (with the `feed` their stage picture needs), invited
 * speakers (everyone sees who is talking) and the captioners (the caption box says whether any are here).
 */
export const seenByAll = (p: BriefingPerson) =>
  p.role === 'presenter' || p.role === 'interpreter' || p.role === 'captioner' || p.speaking;

interface Watcher {
  client: Client;
  view: StateView;
  all: boolean;
  /** Filled once the client has its full state (see `introduce`). */
  introduced: boolean;
  /** The person (key of their tab or account) whose own questions this client always receives. */
  key: string;
  page: number;
  shown: Set<Question>;
  /** Their page or their own questions changed since the last sync. */
  stale: boolean;
}

/**
 * Who receives which people and questions (the state's `.view()` fields). Hosts subscribe to both maps
 * whole; each attendee's StateView holds themselves, those `seenByAll`, one page of questions in display
 * order (on the top page, also those that slipped at most `slack` places below it), the newest few and
 * their own. `sync` runs before each patch: it recounts the audience and moves only what changed in or
 * out of the attendees' views, so a vote that does not change the top page costs one sort, not one pass
 * per attendee.
 */
export function createBriefingViews(state: BriefingState, ownQuestions: (key: string) => Question[]) {
  const watchers = new Map<string, Watcher>();
  let onStage = new Set<string>();
  let ordered: Question[] = [];
  let newest: Question[] = [];
  let top = new Set<Question>();

  const pageOf = (page: number): Set<Question> =>
    page === 0
      ? top
      : new Set([...ordered.slice(page * QUESTION_VIEW.page, (page + 1) * QUESTION_VIEW.page), ...newest]);

  /**
   * A view filled before the client's full state went out travels twice (in the full state, then again as
   * the view's pending changes in the next patch): each view is filled once the client has joined (its
   * full state is sent as it does), so the next patch brings what it holds, once.
   */
  function introduce(w: Watcher): void {
    w.introduced = true;
    if (w.all) {
      w.view.subscribe(state.people);
      w.view.subscribe(state.questions);
      return;
    }
    const self = state.people.get(w.client.sessionId);
    if (self) w.view.add(self);
    for (const id of onStage) {
      const p = state.people.get(id);
      if (p && p !== self) w.view.add(p);
    }
    showQuestions(w, new Set());
  }

  function syncPeople(): void {
    let attendees = 0;
    let seated = 0;
    let overflow = 0;
    let hands = 0;
    let speakers = 0;
    const now = new Set<string>();
    for (const [id, p] of state.people) {
      if (seenByAll(p)) now.add(id);
      if (p.speaking) speakers++;
      if (p.role !== 'attendee') continue;
      attendees++;
      if (p.seat) seated++;
      if (p.overflow) overflow++;
      if (p.hand) hands++;
    }
    // Setting a field to the value it has records no change.
    Object.assign(state, { attendees, seated, overflow, hands, speakers });
    const added = [...now].filter((id) => !onStage.has(id));
    const gone = [...onStage].filter((id) => !now.has(id));
    onStage = now;
    if (added.length === 0 && gone.length === 0) return;
    for (const w of watchers.values()) {
      if (w.all || !w.introduced) continue;
      for (const id of added) {
        const p = state.people.get(id);
        if (p && !w.view.has(p)) w.view.add(p);
      }
      for (const id of gone) {
        const p = state.people.get(id);
        if (p && id !== w.client.sessionId && w.view.has(p)) w.view.remove(p);
      }
    }
  }

  function syncQuestions(): void {
    const all = [...state.questions.values()];
    const before = ordered;
    ordered = orderQuestions(all);
    const reordered = ordered.length !== before.length || ordered.some((q, i) => q !== before[i]);
    // The map keeps the order questions were asked in.
    newest = all.slice(-QUESTION_VIEW.newest);
    const next = new Set([...ordered.slice(0, QUESTION_VIEW.page), ...newest]);
    const topChanged = next.size !== top.size || [...next].some((q) => !top.has(q));
    top = next;
    state.questionCount = all.length;
    // A question that slips just below the top page stays: votes spread over many questions would
    // otherwise send the same ones out and in again, each time in full.
    const nearTop = new Set(ordered.slice(0, QUESTION_VIEW.page + QUESTION_VIEW.slack));
    for (const w of watchers.values()) {
      if (w.all || !w.introduced) continue;
      if (w.stale || (w.page === 0 ? topChanged : reordered)) showQuestions(w, nearTop);
    }
  }

  /** Brings one attendee's questions to their page, the newest and their own (`keep`: may stay too). */
  function showQuestions(w: Watcher, keep: ReadonlySet<Question>): void {
    const wanted = new Set(pageOf(w.page));
    for (const q of ownQuestions(w.key)) wanted.add(q);
    for (const q of w.shown) {
      if (wanted.has(q) || (w.page === 0 && keep.has(q))) continue;
      // A hidden question has left the map: its removal already reaches whoever had it.
      if (state.questions.get(String(q.id)) === q) w.view.remove(q);
      w.shown.delete(q);
    }
    for (const q of wanted) {
      if (w.shown.has(q)) continue;
      w.view.add(q);
      w.shown.add(q);
    }
    w.stale = false;
  }

  return {
    /** Gives a member an empty view in onJoin; it is filled once they have their full state. */
    join(client: Client, person: BriefingPerson, key: string): void {
      const view = new StateView();
      client.view = view;
      const all = seesEveryone(person.role);
      const w = {
        client,
        view,
        all,
        introduced: false,
        key,
        page: 0,
        shown: new Set<Question>(),
        stale: false,
      };
      watchers.set(client.sessionId, w);
    },
    leave(client: Client): void {
      watchers.delete(client.sessionId);
      client.view?.dispose();
    },
    /** This person asked: their own questions reach them at the next patch, wherever they rank. */
    asked(key: string): void {
      for (const w of watchers.values()) if (w.key === key) w.stale = true;
    },
    /** An attendee turns to another page of questions (moderators have them all already). */
    turnPage(sessionId: string, page: number): void {
      const w = watchers.get(sessionId);
      if (!w || w.all) return;
      if (page > 0 && page * QUESTION_VIEW.page >= state.questions.size)
        throw new DomainError('invalidMessage', `there are ${state.questions.size} questions`);
      w.page = page;
      w.stale = true;
    },
    /** Before each patch. */
    sync(): void {
      syncPeople();
      syncQuestions();
      for (const w of watchers.values())
        if (!w.introduced && w.client.state === ClientState.JOINED) introduce(w);
    },
  };
}
export type BriefingViews = ReturnType<typeof createBriefingViews>;
