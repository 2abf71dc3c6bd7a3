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

/** What everyone learns of the audience, whatever part of the people list they receive. */
export interface BriefingCounts {
  attendees: number;
  seated: number;
  overflow: number;
  hands: number;
  speakers: number;
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
  /**
   * The people this client receives, by session id: hosts and moderators everyone; an attendee themselves
   * and who is on stage (presenter, interpreter, invited speakers) and the captioners.
   */
  people: Record<string, BriefingPersonView>;
  counts: BriefingCounts;
  /** The questions this client receives, in display order (`orderQuestions`). */
  questions: QuestionView[];
  /** Questions on the board in all, and the page of them an attendee receives (0: the top ones). */
  questionCount: number;
  questionPage: number;
  /** The captioners' lines, oldest first. */
  captions: CaptionView[];
  /** Page on screen (0-based) and the pages of the deck. */
  slide: number;
  slides: number;
  deck: SlideView[];
  /** The room's deck version that `deck` was fetched for (0: none yet). */
  deckVersion: number;
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
  /** The stage video is off for this browser (sound and slides only), by the attendee's choice. */
  audioOnly: boolean;
  stageFrames: number;
  set(patch: Partial<Omit<BriefingStore, 'set'>>): void;
}

export const NO_COUNTS: BriefingCounts = { attendees: 0, seated: 0, overflow: 0, hands: 0, speakers: 0 };

/** This client's own entry in the people list, once it has arrived. */
export const selfOf = (s: Pick<BriefingStore, 'people' | 'selfId'>): BriefingPersonView | undefined =>
  s.selfId ? s.people[s.selfId] : undefined;

export const useBriefingStore = create<BriefingStore>((set) => ({
  events: [],
  event: null,
  selfId: null,
  people: {},
  counts: NO_COUNTS,
  questions: [],
  questionCount: 0,
  questionPage: 0,
  captions: [],
  slide: 0,
  slides: 0,
  deck: [],
  deckVersion: 0,
  stage: null,
  stageLocal: null,
  stageRemote: null,
  interpreterRemote: null,
  voices: [],
  onStage: false,
  sharingScreen: false,
  microphoneOn: false,
  audioOnly: false,
  stageFrames: 0,
  set: (patch) => set(patch),
}));
