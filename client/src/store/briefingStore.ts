import { create } from 'zustand';
import type { EventView } from '../../../shared/protocol/index.ts';

export interface BriefingPersonView {
  id: string;
  nickname: string;
  role: string;
  seat: string;
  overflow: boolean;
  hand: boolean;
  speaking: boolean;
}

export interface QuestionView {
  id: number;
  text: string;
  author: string;
  votes: number;
  pinned: boolean;
  answered: boolean;
  at: number;
}

interface BriefingStore {
  events: EventView[];
  /** The briefing we are in, or null. */
  event: EventView | null;
  selfId: string | null;
  people: BriefingPersonView[];
  questions: QuestionView[];
  slide: number;
  set(patch: Partial<Omit<BriefingStore, 'set'>>): void;
}

export const useBriefingStore = create<BriefingStore>((set) => ({
  events: [],
  event: null,
  selfId: null,
  people: [],
  questions: [],
  slide: 0,
  set: (patch) => set(patch),
}));
