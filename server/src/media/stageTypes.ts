import { randomInt } from 'node:crypto';
import type { JanusClient } from './janusClient.ts';

/** One Janus the stages may use, as the server calls it, as browsers reach it, and as the others forward to it. */
export interface JanusInstance {
  janus: JanusClient;
  /** Its API address in the configuration (stored as a stage's origin). */
  url: string;
  publicUrl: string;
  forwardHost: string;
}

/** Where one member watches (and publishes to) the stage. */
export interface StageInfo {
  url: string;
  room: number;
  pin: string;
  /** Index of the Janus instance in the configuration. */
  instance: number;
}

export interface StageKeys {
  pin: string;
  secret: string;
  /** The VideoRoom id, the same on every Janus the stage spreads to. */
  room: number;
  /** JANUS_URL of the instance the stage opened on (publishers and the first viewers go there). */
  origin: string;
}

/** Where the keys of live stages are kept, so a restarted server can still run (and end) them. */
export interface StageKeyStore {
  save(eventId: number, keys: StageKeys | null): Promise<void>;
  live(): Promise<{ eventId: number; keys: StageKeys }[]>;
}

/** Janus accepts publisher ids up to 2^53; random ones cannot be guessed by someone who wants the stage. */
export const newFeedId = () => randomInt(1, 2 ** 47);
