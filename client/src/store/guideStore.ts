import { create } from 'zustand';
import type { LocalizedList, LocalizedText } from '../../../shared/i18n/localized.ts';
import type { ProcedureView } from '../net/catalogApi.ts';

/** A question the guide can be asked by picking it: each FAQ answer's ways of asking, per language. */
export interface GuideQuestionView {
  id: string;
  questions: LocalizedList;
}

/** What the server's guide answered (the answer, what it might have meant, what the catalogue found). */
export interface GuideReply {
  answered: boolean;
  answer: {
    id: string;
    text: LocalizedText;
    procedures: ProcedureView[];
    lifeEventIds: string[];
    counterIds: string[];
  } | null;
  related: GuideQuestionView[];
  procedures: ProcedureView[];
  lifeEventIds: string[];
}

/** For admins: a question the guide could not answer, how often, and when last. */
export interface UnansweredQuestion {
  text: string;
  asks: number;
  lastAsked: string;
}

export type GuideTurn =
  | { id: number; kind: 'question'; text: string }
  | { id: number; kind: 'reply'; reply: GuideReply }
  | { id: number; kind: 'failed'; reason: 'rateLimited' | 'unreachable' | 'badQuestion'; message?: string };

type NewTurn = GuideTurn extends infer T ? (T extends GuideTurn ? Omit<T, 'id'> : never) : never;

/** The conversation at the information desk: kept while the tab is open, so closing the panel loses nothing. */
interface GuideState {
  turns: GuideTurn[];
  questions: GuideQuestionView[];
  asking: boolean;
  add(turn: NewTurn): void;
  setQuestions(q: GuideQuestionView[]): void;
  setAsking(asking: boolean): void;
}

/** The desk's question box: picking a question elsewhere in the panel brings focus back to it. */
export const DESK_QUESTION_ID = 'desk-question';

let nextId = 1;
/** Enough for a long conversation; older turns drop off so a tab left open does not grow without end. */
const KEEP_TURNS = 60;

export const useGuideStore = create<GuideState>((set) => ({
  turns: [],
  questions: [],
  asking: false,
  add: (turn) =>
    set((s) => ({ turns: [...s.turns, { ...turn, id: nextId++ } as GuideTurn].slice(-KEEP_TURNS) })),
  setQuestions: (questions) => set({ questions }),
  setAsking: (asking) => set({ asking }),
}));
