import { useAppStore } from '../store/appStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { localIntent, localPose, remotePoses } from '../store/poses.ts';
import { walkTo } from './localMovement.ts';
import { view } from '../store/view.ts';
import { motion } from '../store/motion.ts';
import { hallAddress, simulateNetworkDrop } from '../net/hallConnection.ts';
import { consultationAddress } from '../net/consultationConnection.ts';
import { simulateBriefingDrop } from '../net/briefingConnection.ts';
import { useMediaStore } from '../store/mediaStore.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { connection, simulateLostCandidates } from '../media/consultationLink.ts';
import { avatarMotion, type AvatarMotionReport } from '../store/avatarMotion.ts';

export interface CityHallTestHook {
  /** Joined and the first state received. */
  readonly ready: boolean;
  readonly sessionId: string | null;
  readonly status: string;
  readonly nearbyNicknames: string[];
  readonly population: number;
  readonly viewMode: string;
  readonly position: { x: number; z: number };
  /** Walking: keys held or a planned walk not yet arrived. */
  readonly walking: boolean;
  /** The 3D camera's turn (radians) and zoom, as gestures and Q/E/+/- leave them. */
  readonly view: { yaw: number; zoom: number };
  /** Set by the 3D scene after its first rendered frames. */
  sceneReady: boolean;
  /** Frames rendered in the last full second of drawing (3D view only; kept while the hall is still). */
  fps: number;
  /**
   * Frames drawn since the 3D scene last mounted (it draws only while something moves; the light switch
   * and the 2D/3D switch mount it again, from 0).
   */
  framesDrawn: number;
  /**
   * Frames the 3D scene has been asked for and not drawn yet (0: the hall is still, nothing pending),
   * so a test waits for stillness as a condition instead of watching for a quiet spell.
   */
  readonly framesPending: number;
  /** Benchmarks: the 3D scene draws every frame, as it does whenever anything moves. */
  drawEveryFrame: boolean;
  /** What the last frame drew (3D view only): draw calls, triangles and pixel ratio, for bench:fps. */
  drawn: { calls: number; triangles: number; dpr: number };
  /** Latest known position of a visible person, by nickname (remote avatars only). */
  peerPosition(nickname: string): { x: number; z: number } | null;
  /**
   * How the 3D hall last drew a person (ourselves included), by nickname: walking and the walk-cycle
   * phase, waving, away, in the staff uniform, seated. Null before it was drawn (or in the 2D view).
   */
  avatarMotion(nickname: string): AvatarMotionReport | null;
  walkTo(x: number, z: number): boolean;
  /** Video consultation: what arrives from the other side (receiver statistics) and the quality shown. */
  readonly media: {
    framesDecoded: number;
    audioBytesReceived: number;
    picture: boolean;
    sound: boolean;
    quality: string;
    remoteTracks: number;
  };
  /** Video consultation: stops sending our picture without saying so, as a broken camera or network would. */
  stallOutgoingVideo(): Promise<void>;
  /** Video consultation: a new connection that is negotiated but never connects, and says nothing. */
  loseCandidates(): void;
  /** Briefing stage: video frames decoded from the SFU. */
  readonly stageFrames: number;
  /**
   * The screen over the stage in the 3D auditorium: shown (in a briefing, in the 3D hall), with the
   * stage video on it, and the slide image's address on it (null without).
   */
  stageScreen: { shown: boolean; video: boolean; slide: string | null };
  /** The floor guidance lines the 3D scene draws now; `highlighted` for the one "take me there" follows. */
  guideLines: { areaId: string; from: string; color: string; highlighted: boolean }[];
  /** Video frames uploaded to the 3D stage screen since the page loaded: grows only while video plays. */
  stageScreenFrames: number;
  /** The 3D hall's number boards as drawn, by counter id (none while the 3D hall is not shown). */
  boards: Record<string, BoardShown>;
  /** Briefing stage: invited speakers' voices received (streams with a live audio track). */
  readonly stageVoices: number;
  dropConnection(): void;
  /** The same for the briefing's connection (the presenter's stage must survive it). */
  dropBriefing(): void;
  /** The Janus publisher ids of the people on stage, as this browser knows them. */
  readonly stageFeeds: number[];
  /** The WebSocket addresses of the hall and consultation rooms: which server process each runs on. */
  readonly addresses: { hall: string; consultation: string };
  /** The 3D hall's wayfinding signs (AreaSigns) and the lines each shows now: main language, then second. */
  readonly signs: { id: string; lines: string[] }[];
}

/** What one counter's number board in the 3D hall shows now. */
export interface BoardShown {
  calling: number[];
  waiting: number;
  /** The latest number is blinking (just called). */
  blinking: boolean;
}

declare global {
  interface Window {
    __cityHall?: CityHallTestHook;
  }
}

/** A stable surface for browser tests and benchmarks. Not installed in production builds. */
export function installTestHook(): void {
  if (import.meta.env.MODE === 'production') return;
  const hall = () => useHallStore.getState();
  window.__cityHall = {
    get ready() {
      const s = hall();
      return s.status === 'connected' && s.selfId !== null && s.selfId in s.people;
    },
    get sessionId() {
      return hall().selfId;
    },
    get status() {
      return hall().status;
    },
    get nearbyNicknames() {
      return Object.values(hall().people).map((p) => p.nickname);
    },
    get population() {
      return hall().population;
    },
    get viewMode() {
      return useAppStore.getState().viewMode;
    },
    get position() {
      return { x: localPose.x, z: localPose.z };
    },
    get walking() {
      return localIntent.plan !== null || localIntent.keys.size > 0;
    },
    get view() {
      return { yaw: view.yaw, zoom: view.zoom };
    },
    get media() {
      const m = useMediaStore.getState();
      return {
        framesDecoded: m.framesDecoded,
        audioBytesReceived: m.audioBytesReceived,
        picture: m.picture,
        sound: m.sound,
        quality: m.quality,
        remoteTracks: m.remote?.getTracks().length ?? 0,
      };
    },
    get stageFrames() {
      return useBriefingStore.getState().stageFrames;
    },
    get stageVoices() {
      return useBriefingStore.getState().voices.length;
    },
    sceneReady: false,
    stageScreen: { shown: false, video: false, slide: null },
    stageScreenFrames: 0,
    guideLines: [],
    boards: {},
    fps: 0,
    framesDrawn: 0,
    get framesPending() {
      return pendingFrames();
    },
    get drawEveryFrame() {
      return motion.always;
    },
    set drawEveryFrame(on: boolean) {
      motion.always = on;
    },
    drawn: { calls: 0, triangles: 0, dpr: 0 },
    peerPosition(nickname) {
      const person = Object.values(hall().people).find((p) => p.nickname === nickname);
      const latest = person ? remotePoses.get(person.id)?.latest : undefined;
      return latest ? { x: latest.x, z: latest.z } : null;
    },
    avatarMotion(nickname) {
      const person = Object.values(hall().people).find((p) => p.nickname === nickname);
      const report = person ? avatarMotion.get(person.id) : undefined;
      return report ? { ...report } : null;
    },
    walkTo: (x, z) => walkTo({ x, z }),
    dropConnection: simulateNetworkDrop,
    dropBriefing: simulateBriefingDrop,
    get stageFeeds() {
      return Object.values(useBriefingStore.getState().people).flatMap((p) => (p.feed > 0 ? [p.feed] : []));
    },
    get addresses() {
      return { hall: hallAddress(), consultation: consultationAddress() };
    },
    get signs() {
      return [...shownSigns].map(([id, lines]) => ({ id, lines }));
    },
    loseCandidates: simulateLostCandidates,
    stallOutgoingVideo: async () => {
      const sender = connection()
        ?.getSenders()
        .find((x) => x.track?.kind === 'video');
      await sender?.replaceTrack(null);
    },
  };
}

const shownSigns = new Map<string, string[]>();

/** A sign reports the lines it shows, or null once it is gone. */
export function reportSign(id: string, lines: string[] | null): void {
  if (lines) shownSigns.set(id, lines);
  else shownSigns.delete(id);
}

let pendingFrames = () => 0;
/** The 3D scene says how to read its count of frames asked for and not yet drawn. */
export function reportPendingFrames(read: () => number): void {
  pendingFrames = read;
}

/** Scene code reports through this so it does not depend on the hook being installed. */
export function reportScene(
  patch: Partial<
    Pick<
      CityHallTestHook,
      'sceneReady' | 'fps' | 'drawn' | 'framesDrawn' | 'stageScreen' | 'stageScreenFrames' | 'guideLines'
    >
  >,
): void {
  if (window.__cityHall) Object.assign(window.__cityHall, patch);
}

/** A number board reports what it shows (null: it is gone). */
export function reportBoard(counterId: string, shown: BoardShown | null): void {
  const boards = window.__cityHall?.boards;
  if (!boards) return;
  if (shown) boards[counterId] = shown;
  else delete boards[counterId];
}
