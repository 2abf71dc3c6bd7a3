import { create } from 'zustand';
import type { EventView, IceServer } from '../../../shared/protocol/index.ts';

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
  /** Janus stage media for this briefing (null without an SFU). */
  stage: { url: string; room: number; pin: string; iceServers: IceServer[] } | null;
  stageLocal: MediaStream | null;
  stageRemote: MediaStream | null;
  onStage: boolean;
  stageFrames: number;
  set(patch: Partial<Omit<BriefingStore, 'set'>>): void;
}

export const useBriefingStore = create<BriefingStore>((set) => ({
  events: [],
  event: null,
  selfId: null,
  people: [],
  questions: [],
  slide: 0,
  stage: null,
  stageLocal: null,
  stageRemote: null,
  onStage: false,
  stageFrames: 0,
  set: (patch) => set(patch),
}));
