import type { IceServer, MediaStateMessage } from '../../../shared/protocol/index.ts';
import { useMediaStore } from '../store/mediaStore.ts';
import {
  configureLink,
  connection,
  sendTrack,
  type ConsultationSignal,
  type Outgoing,
} from './consultationLink.ts';
import { watchReception } from './receptionStats.ts';
export { expectFromOther } from './receptionStats.ts';

export { receiveSignal, restartLink, setPeer } from './consultationLink.ts';

interface Wiring {
  iceServers: IceServer[];
  polite: boolean;
  sendSignal(to: string, signal: ConsultationSignal): void;
  sendMediaState(state: MediaStateMessage): void;
}

let sendMediaState: ((state: MediaStateMessage) => void) | null = null;
let stopWatching: (() => void) | null = null;
/** Our own camera and microphone (the self view shows this stream); the screen is sent instead of the camera. */
let local = new MediaStream();
let camera: MediaStreamTrack | null = null;
let microphone: MediaStreamTrack | null = null;
let screen: MediaStreamTrack | null = null;

const store = () => useMediaStore.getState();

const outgoing = (): Outgoing => ({ audio: microphone, video: screen ?? camera, stream: local });

function publishState(): void {
  const s = { audio: !!microphone?.enabled, video: !!camera || !!screen, screen: !!screen };
  store().set({
    audio: s.audio,
    video: !!camera,
    screen: s.screen,
    local: local.getTracks().length ? local : null,
  });
  sendMediaState?.(s);
}

/** Called when a consultation room is entered: how to reach the other side, and who yields. */
export function configureMedia(w: Wiring): void {
  sendMediaState = w.sendMediaState;
  configureLink({ iceServers: w.iceServers, polite: w.polite, send: w.sendSignal, outgoing });
  stopWatching?.();
  stopWatching = watchReception(connection);
}

async function refreshDevices(): Promise<void> {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  const opts = (kind: MediaDeviceKind) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  store().set({ cameras: opts('videoinput'), microphones: opts('audioinput') });
}

/** Makes `track` our microphone or camera (null: none; the old one is stopped, so its light goes off). */
async function setLocal(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
  const old = kind === 'audio' ? microphone : camera;
  if (old && old !== track) {
    local.removeTrack(old);
    old.stop();
  }
  if (track) local.addTrack(track);
  if (kind === 'audio') microphone = track;
  else camera = track;
  // A new MediaStream object so React sees the change.
  local = new MediaStream(local.getTracks());
  if (kind === 'audio') await sendTrack('audio', microphone, local);
  else if (!screen) await sendTrack('video', camera, local);
}

function videoConstraints(): MediaTrackConstraints {
  const { cameraId } = store();
  return {
    width: { ideal: 640 },
    height: { ideal: 480 },
    ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
  };
}

/**
 * Asks for camera and microphone (the browser shows its permission prompt). Falls back by itself:
 * no camera or camera refused → audio only; nothing allowed → text only, with the reason shown.
 */
export async function startMedia(mode: 'video' | 'audio'): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia) {
    store().set({ phase: 'textOnly', notice: 'media.unsupported' });
    return;
  }
  store().set({ phase: 'asking', notice: null });
  const { microphoneId } = store();
  const audio: MediaTrackConstraints = microphoneId ? { deviceId: { exact: microphoneId } } : {};
  let stream: MediaStream | null = null;
  let notice: 'media.noCamera' | 'media.denied' | null = null;
  if (mode === 'video') {
    stream = await navigator.mediaDevices
      .getUserMedia({ audio, video: videoConstraints() })
      .catch(() => null);
    if (!stream) notice = 'media.noCamera';
  }
  stream ??= await navigator.mediaDevices.getUserMedia({ audio, video: false }).catch(() => null);
  if (!stream) {
    store().set({ phase: 'textOnly', notice: 'media.denied' });
    publishState();
    return;
  }
  await setLocal('audio', stream.getAudioTracks()[0] ?? null);
  await setLocal('video', stream.getVideoTracks()[0] ?? null);
  store().set({ phase: 'on', notice });
  publishState();
  await refreshDevices();
}

export function toggleMicrophone(): void {
  if (!microphone) return;
  microphone.enabled = !microphone.enabled;
  publishState();
}

/** Camera off really stops it (its light goes off, nothing is sent); on asks for it again. */
export async function toggleCamera(): Promise<void> {
  if (camera) await setLocal('video', null);
  else if (store().phase === 'on') await startCameraOnly();
  publishState();
}

async function startCameraOnly(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints() }).catch(() => null);
  const track = stream?.getVideoTracks()[0];
  if (!track) return store().set({ notice: 'media.noCamera' });
  store().set({ notice: null });
  await setLocal('video', track);
}

/** For a weak link or a shared room: keep the voice, stop the picture. */
export async function audioOnly(): Promise<void> {
  await stopScreenShare();
  await setLocal('video', null);
  publishState();
}

/** Stop all media; the chat stays. */
export async function textOnly(): Promise<void> {
  await stopScreenShare();
  await setLocal('video', null);
  await setLocal('audio', null);
  store().set({ phase: 'textOnly', notice: null });
  publishState();
}

export async function chooseDevice(kind: 'camera' | 'microphone', id: string): Promise<void> {
  store().set(kind === 'camera' ? { cameraId: id } : { microphoneId: id });
  if (store().phase !== 'on') return;
  if (kind === 'camera' && !camera) return;
  const stream = await navigator.mediaDevices
    .getUserMedia(kind === 'camera' ? { video: videoConstraints() } : { audio: { deviceId: { exact: id } } })
    .catch(() => null);
  const track = kind === 'camera' ? stream?.getVideoTracks()[0] : stream?.getAudioTracks()[0];
  if (track) await setLocal(kind === 'camera' ? 'video' : 'audio', track);
  publishState();
}

/** Staff show their screen (to walk a resident through a form): it takes the camera's place while on. */
export async function startScreenShare(): Promise<boolean> {
  if (!navigator.mediaDevices?.getDisplayMedia) return false;
  const stream = await navigator.mediaDevices
    .getDisplayMedia({ video: true, audio: false })
    .catch(() => null);
  const track = stream?.getVideoTracks()[0];
  if (!track) return false;
  screen = track;
  track.onended = () => void stopScreenShare();
  await sendTrack('video', track, local);
  publishState();
  return true;
}

export async function stopScreenShare(): Promise<void> {
  if (!screen) return;
  screen.stop();
  screen = null;
  await sendTrack('video', camera, local);
  publishState();
}

/** What to switch on again after a reload: what this side was sending, if anything, and whether muted. */
export function sendingMode(): { mode: 'video' | 'audio'; muted: boolean } | null {
  const { phase } = store();
  if (phase !== 'on') return null;
  return { mode: camera ? 'video' : 'audio', muted: !!microphone && !microphone.enabled };
}

/** After a reload: the same as before, a muted microphone staying muted. */
export async function resumeMedia(m: { mode: 'video' | 'audio'; muted: boolean }): Promise<void> {
  await startMedia(m.mode);
  if (m.muted && microphone?.enabled) toggleMicrophone();
}

export function stopMedia(): void {
  stopWatching?.();
  stopWatching = null;
  configureLink(null);
  for (const t of [camera, microphone, screen]) t?.stop();
  camera = microphone = screen = null;
  local = new MediaStream();
  sendMediaState = null;
  store().reset();
}
