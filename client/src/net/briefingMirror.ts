import { Callbacks, type Room } from '@colyseus/sdk';
import type { BriefingState } from '../../../shared/state/briefingState.ts';
import { orderQuestions } from '../../../shared/briefing/questionOrder.ts';
import {
  useBriefingStore,
  type BriefingPersonView,
  type CaptionView,
  type QuestionView,
} from '../store/briefingStore.ts';

type Person = NonNullable<ReturnType<BriefingState['people']['get']>>;
type Question = NonNullable<ReturnType<BriefingState['questions']['get']>>;

const personView = (id: string, p: Person): BriefingPersonView => ({
  id,
  nickname: p.nickname,
  role: p.role,
  seat: p.seat,
  overflow: p.overflow,
  hand: p.hand,
  speaking: p.speaking,
  viewer: p.viewer,
  feed: p.feed,
});

const questionView = (q: Question): QuestionView => ({
  id: q.id,
  text: q.text,
  author: q.author,
  votes: q.votes,
  pinned: q.pinned,
  answered: q.answered,
  at: q.at,
});

/**
 * Mirrors the briefing's people, questions, captions and counts into the store item by item, as the
 * state callbacks report them: each patch writes the store once, touching only what it changed.
 * `onPeople` runs after a patch that changed who is here (the stage's links follow).
 */
export function mirrorBriefingLists(r: Room<unknown, BriefingState>, onPeople: () => void): void {
  const $ = Callbacks.get(r);
  const store = () => useBriefingStore.getState();
  let people: Record<string, BriefingPersonView> | null = null;
  let questions: Map<number, QuestionView> | null = null;
  let captions: Map<number, CaptionView> | null = null;
  // The store's lists are replaced, never changed in place: copy once per patch, on the first change.
  const editPeople = () => (people ??= { ...store().people });
  const editQuestions = () => (questions ??= new Map(store().questions.map((q) => [q.id, q])));
  const editCaptions = () => (captions ??= new Map(store().captions.map((c) => [c.id, c])));

  $.onAdd('people', (p, id) => {
    editPeople()[id] = personView(id, p);
    $.onChange(p, () => (editPeople()[id] = personView(id, p)));
  });
  $.onRemove('people', (_p, id) => delete editPeople()[id]);
  $.onAdd('questions', (q) => {
    editQuestions().set(q.id, questionView(q));
    $.onChange(q, () => editQuestions().set(q.id, questionView(q)));
  });
  $.onRemove('questions', (q) => editQuestions().delete(q.id));
  $.onAdd('captions', (c) => editCaptions().set(c.id, { id: c.id, text: c.text, at: c.at }));
  $.onRemove('captions', (c) => editCaptions().delete(c.id));

  r.onStateChange((s) => {
    const patch: Parameters<ReturnType<typeof store>['set']>[0] = {};
    const before = store();
    const counts = {
      attendees: s.attendees,
      seated: s.seated,
      overflow: s.overflow,
      hands: s.hands,
      speakers: s.speakers,
    };
    if (Object.entries(counts).some(([k, v]) => before.counts[k as keyof typeof counts] !== v))
      patch.counts = counts;
    if (s.questionCount !== before.questionCount) patch.questionCount = s.questionCount;
    if (people) patch.people = people;
    if (questions) patch.questions = orderQuestions(questions.values());
    // Captions keep the order they were written in (ids grow).
    if (captions) patch.captions = [...captions.values()].sort((a, b) => a.id - b.id);
    const peopleChanged = people !== null;
    people = questions = captions = null;
    if (Object.keys(patch).length > 0) store().set(patch);
    if (peopleChanged) onPeople();
  });
}
