import { create } from 'zustand';
import type { MessageKey } from '../i18n/ja.ts';

/** off: not asked yet · asking: the browser prompt is open · on: sending · textOnly: chat only. */
export type MediaPhase = 'off' | 'asking' | 'on' | 'textOnly';
export type LinkQuality = 'unknown' | 'good' | 'fair' | 'poor';

export interface DeviceOption {
  id: string;
  label: string;
}

interface MediaState {
  phase: MediaPhase;
  audio: boolean;
  video: boolean;
  screen: boolean;
  /** Why we fell back (no camera, permission denied…), shown to the user. */
  notice: MessageKey | null;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string;
  microphoneId: string;
  local: MediaStream | null;
  remote: MediaStream | null;
  /** Round trip and loss of the connection; says nothing about whether media arrives. */
  quality: LinkQuality;
  /** The other person's picture / sound is arriving now (receiver statistics, not their say-so). */
  picture: boolean;
  sound: boolean;
  /** When the current peer connection was opened (null: none); waiting for a picture counts from it. */
  linkSince: number | null;
  /** Since when the other person says their camera / microphone is on (null: it is off). */
  videoExpectedSince: number | null;
  audioExpectedSince: number | null;
  /** When reception was last sampled: the clock the "no picture for a while" hint runs on. */
  sampledAt: number;
  /** From getStats, over every connection of this consultation: remote video frames decoded, audio bytes received. */
  framesDecoded: number;
  audioBytesReceived: number;
  set(patch: Partial<Omit<MediaState, 'set' | 'reset'>>): void;
  reset(): void;
}

const initial = {
  phase: 'off' as MediaPhase,
  audio: false,
  video: false,
  screen: false,
  notice: null,
  cameras: [],
  microphones: [],
  cameraId: '',
  microphoneId: '',
  local: null,
  remote: null,
  quality: 'unknown' as LinkQuality,
  picture: false,
  sound: false,
  linkSince: null,
  videoExpectedSince: null,
  audioExpectedSince: null,
  sampledAt: 0,
  framesDecoded: 0,
  audioBytesReceived: 0,
};

export const useMediaStore = create<MediaState>((set) => ({
  ...initial,
  set: (patch) => set(patch),
  reset: () => set(initial),
}));
