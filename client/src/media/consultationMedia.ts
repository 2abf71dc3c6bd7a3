import type { IceServer, MediaStateMessage } from '../../../shared/protocol/index.ts';
import { useMediaStore, type LinkQuality } from '../store/mediaStore.ts';
import { PeerLink, type Signal } from './peerLink.ts';

interface Wiring {
  iceServers: IceServer[];
  polite: boolean;
  sendSignal(to: string, signal: Signal): void;
  sendMediaState(state: MediaStateMessage): void;
}

let wiring: Wiring | null = null;
let link: PeerLink | null = null;
let peerId: string | null = null;
let local = new MediaStream();
let camera: MediaStreamTrack | null = null;
let microphone: MediaStreamTrack | null = null;
let screen: MediaStreamTrack | null = null;
let statsTimer: ReturnType<typeof setInterval> | null = null;

const store = () => useMediaStore.getState();

function publishState(): void {
  const s = {
    audio: !!microphone?.enabled,
    video: !!camera?.enabled || !!screen,
    screen: !!screen,
  };
  store().set({
    audio: s.audio,
    video: !!camera?.enabled,
    screen: s.screen,
    local: local.getTracks().length ? local : null,
  });
  wiring?.sendMediaState(s);
}

/** Called when a consultation room is entered: how to reach the other side, and who yields. */
export function configureMedia(w: Wiring): void {
  wiring = w;
}

/** The other person is here (or gone): open or close the peer connection to them. */
export function setPeer(id: string | null): void {
  if (id === peerId) return;
  closeLink();
  peerId = id;
  if (id) ensureLink();
}

function ensureLink(): PeerLink | null {
  if (link || !wiring || !peerId) return link;
  const to = peerId;
  link = new PeerLink(
    wiring.iceServers,
    wiring.polite,
    (s) => wiring?.sendSignal(to, s),
    (remote) => store().set({ remote }),
  );
  for (const track of local.getTracks()) link.pc.addTrack(track, local);
  link.pc.onconnectionstatechange = () => {
    if (link?.pc.connectionState === 'failed') link.pc.restartIce();
  };
  statsTimer = setInterval(() => void sampleStats(), 2000);
  return link;
}

function closeLink(): void {
  if (statsTimer) clearInterval(statsTimer);
  statsTimer = null;
  link?.close();
  link = null;
  store().set({ remote: null, quality: 'unknown', framesDecoded: 0 });
}

export async function receiveSignal(from: string, signal: Signal): Promise<void> {
  if (from !== peerId) setPeer(from);
  await ensureLink()?.receive(signal);
}

async function refreshDevices(): Promise<void> {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  const opts = (kind: MediaDeviceKind) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  store().set({ cameras: opts('videoinput'), microphones: opts('audioinput') });
}

async function replaceLocal(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
  const old = kind === 'audio' ? microphone : camera;
  if (old) {
    local.removeTrack(old);
    old.stop();
  }
  if (track) local.addTrack(track);
  if (kind === 'audio') microphone = track;
  else camera = track;
  // A new MediaStream object so React sees the change.
  local = new MediaStream(local.getTracks());
  if (link && !(kind === 'video' && screen)) await link.setTrack(kind, track, local);
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
  const { cameraId, microphoneId } = store();
  const audio: MediaTrackConstraints = microphoneId ? { deviceId: { exact: microphoneId } } : {};
  const video: MediaTrackConstraints = {
    width: { ideal: 640 },
    height: { ideal: 480 },
    ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
  };
  let stream: MediaStream | null = null;
  let notice: 'media.noCamera' | 'media.denied' | null = null;
  if (mode === 'video') {
    stream = await navigator.mediaDevices.getUserMedia({ audio, video }).catch(() => null);
    if (!stream) notice = 'media.noCamera';
  }
  stream ??= await navigator.mediaDevices.getUserMedia({ audio, video: false }).catch(() => null);
  if (!stream) {
    store().set({ phase: 'textOnly', notice: 'media.denied' });
    publishState();
    return;
  }
  ensureLink();
  await replaceLocal('audio', stream.getAudioTracks()[0] ?? null);
  await replaceLocal('video', stream.getVideoTracks()[0] ?? null);
  store().set({ phase: 'on', notice });
  publishState();
  await refreshDevices();
}

export function toggleMicrophone(): void {
  if (!microphone) return;
  microphone.enabled = !microphone.enabled;
  publishState();
}

export async function toggleCamera(): Promise<void> {
  if (camera) camera.enabled = !camera.enabled;
  else if (store().phase === 'on') await startCameraOnly();
  publishState();
}

async function startCameraOnly(): Promise<void> {
  const { cameraId } = store();
  const stream = await navigator.mediaDevices
    .getUserMedia({ video: cameraId ? { deviceId: { exact: cameraId } } : true })
    .catch(() => null);
  if (!stream) return store().set({ notice: 'media.noCamera' });
  await replaceLocal('video', stream.getVideoTracks()[0] ?? null);
}

/** For a weak link or a shared room: keep the voice, stop the picture. */
export async function audioOnly(): Promise<void> {
  await replaceLocal('video', null);
  publishState();
}

/** Stop all media; the chat stays. */
export async function textOnly(): Promise<void> {
  await stopScreenShare();
  await replaceLocal('video', null);
  await replaceLocal('audio', null);
  store().set({ phase: 'textOnly', notice: null });
  publishState();
}

export async function chooseDevice(kind: 'camera' | 'microphone', id: string): Promise<void> {
  store().set(kind === 'camera' ? { cameraId: id } : { microphoneId: id });
  if (store().phase !== 'on') return;
  const stream = await navigator.mediaDevices
    .getUserMedia(
      kind === 'camera' ? { video: { deviceId: { exact: id } } } : { audio: { deviceId: { exact: id } } },
    )
    .catch(() => null);
  const track = kind === 'camera' ? stream?.getVideoTracks()[0] : stream?.getAudioTracks()[0];
  if (track) await replaceLocal(kind === 'camera' ? 'video' : 'audio', track);
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
  ensureLink();
  await link?.setTrack('video', track, local);
  publishState();
  return true;
}

export async function stopScreenShare(): Promise<void> {
  if (!screen) return;
  screen.stop();
  screen = null;
  await link?.setTrack('video', camera, local);
  publishState();
}

export function stopMedia(): void {
  closeLink();
  for (const t of [camera, microphone, screen]) t?.stop();
  camera = microphone = screen = null;
  local = new MediaStream();
  peerId = null;
  wiring = null;
  store().reset();
}

async function sampleStats(): Promise<void> {
  if (!link) return;
  const stats = await link.pc.getStats().catch(() => null);
  if (!stats) return;
  let rtt: number | undefined;
  let lost = 0;
  let received = 0;
  let frames = 0;
  stats.forEach((r: RTCStats & Record<string, unknown>) => {
    if (
      r.type === 'candidate-pair' &&
      r.state === 'succeeded' &&
      typeof r.currentRoundTripTime === 'number'
    ) {
      rtt = r.currentRoundTripTime;
    }
    if (r.type === 'inbound-rtp') {
      lost += Number(r.packetsLost ?? 0);
      received += Number(r.packetsReceived ?? 0);
      if (r.kind === 'video') frames += Number(r.framesDecoded ?? 0);
    }
  });
  const loss = received + lost > 0 ? lost / (received + lost) : 0;
  const quality: LinkQuality =
    rtt === undefined
      ? 'unknown'
      : rtt < 0.15 && loss < 0.02
        ? 'good'
        : rtt < 0.4 && loss < 0.08
          ? 'fair'
          : 'poor';
  store().set({ quality, framesDecoded: frames });
}
