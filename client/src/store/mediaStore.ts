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
  quality: LinkQuality;
  /** From getStats: remote video frames decoded so far (tests and the quality line read it). */
  framesDecoded: number;
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
  framesDecoded: 0,
};

export const useMediaStore = create<MediaState>((set) => ({
  ...initial,
  set: (patch) => set(patch),
  reset: () => set(initial),
}));
