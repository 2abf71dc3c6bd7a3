import { create } from 'zustand';
import type { EventView, IceServer, SlideView } from '../../../shared/protocol/index.ts';

export interface BriefingPersonView {
  id: string;
  nickname: string;
  role: string;
  seat: string;
  overflow: boolean;
  hand: boolean;
  speaking: boolean;
  viewer: boolean;
  /** Janus publisher id handed out by the server (presenter, invited speaker), 0 otherwise. */
  feed: number;
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

export interface CaptionView {
  id: number;
  text: string;
  at: number;
}

/** How the stage reaches the audience: through Janus, or straight from the presenter's browser to a few. */
export type StageInfo =
  | { mode: 'sfu'; url: string; room: number; pin: string; token?: string; iceServers: IceServer[] }
  | { mode: 'p2p'; limit: number; iceServers: IceServer[] };

interface BriefingStore {
  events: EventView[];
  /** The briefing we are in, or null. */
  event: EventView | null;
  selfId: string | null;
  people: BriefingPersonView[];
  questions: QuestionView[];
  /** The captioners' lines, oldest first. */
  captions: CaptionView[];
  /** Page on screen (0-based) and the pages of the deck. */
  slide: number;
  slides: number;
  deck: SlideView[];
  stage: StageInfo | null;
  /** What this browser sends to the stage (presenter), and the stage as received (everyone else). */
  stageLocal: MediaStream | null;
  stageRemote: MediaStream | null;
  /** The sign-language interpreter on stage beside the presenter (received, or our own as interpreter). */
  interpreterRemote: MediaStream | null;
  /** Invited speakers' voices (each its own stream, played by hidden audio elements). */
  voices: MediaStream[];
  onStage: boolean;
  sharingScreen: boolean;
  /** This attendee's microphone is on the stage (invited to speak). */
  microphoneOn: boolean;
  stageFrames: number;
  set(patch: Partial<Omit<BriefingStore, 'set'>>): void;
}

export const useBriefingStore = create<BriefingStore>((set) => ({
  events: [],
  event: null,
  selfId: null,
  people: [],
  questions: [],
  captions: [],
  slide: 0,
  slides: 0,
  deck: [],
  stage: null,
  stageLocal: null,
  stageRemote: null,
  interpreterRemote: null,
  voices: [],
  onStage: false,
  sharingScreen: false,
  microphoneOn: false,
  stageFrames: 0,
  set: (patch) => set(patch),
}));
