import type { IceServer } from '../../../shared/protocol/index.ts';
import type { BriefingPersonView } from '../store/briefingStore.ts';
import { PeerLink, type Signal } from './peerLink.ts';

/**
 * The stage without an SFU: the presenter's browser keeps one peer connection per viewer (the server
 * picks at most a few) and per invited speaker. A speaker's voice reaches the presenter, whose browser
 * forwards it to every viewer while the speaker has the floor, so the whole audience hears the question.
 */
interface Wiring {
  iceServers: IceServer[];
  send(to: string, signal: Signal): void;
  /** Streams received, grouped as sent: the presenter's (with video) and speakers' voices. */
  onStreams(streams: MediaStream[]): void;
}

let wiring: Wiring | null = null;
let presenting: MediaStream | null = null;
let microphone: MediaStream | null = null;
const links = new Map<string, PeerLink>();
const received = new Map<string, Map<string, MediaStream>>(); // link → stream id → stream
const micSenders = new Map<string, RTCRtpSender>(); // link → our microphone's sender
/** Presenter only: the voice heard from each speaker's link, who has the floor now, and what is forwarded. */
const heard = new Map<string, { track: MediaStreamTrack; stream: MediaStream }>();
let floor = new Set<string>();
const forwarded = new Map<string, { speaker: string; viewer: string; sender: RTCRtpSender }>();

export function configureP2p(w: Wiring | null): void {
  wiring = w;
}

function emit(): void {
  const streams = [...received].flatMap(([id, m]) => (presenting && !floor.has(id) ? [] : [...m.values()]));
  wiring?.onStreams(streams);
}

function open(id: string, polite: boolean): PeerLink {
  const existing = links.get(id);
  if (existing) return existing;
  const link = new PeerLink(
    wiring!.iceServers,
    polite,
    (s) => wiring?.send(id, s),
    () => {},
  );
  links.set(id, link);
  received.set(id, new Map());
  link.pc.addEventListener('track', ({ track, streams }) => {
    const stream = streams[0] ?? new MediaStream([track]);
    received.get(id)?.set(stream.id, stream);
    // A forwarded voice the presenter stops forwarding leaves the stream (the track is not ended).
    stream.onremovetrack = emit;
    track.addEventListener('ended', emit);
    if (presenting && track.kind === 'audio') {
      heard.set(id, { track, stream });
      syncVoices();
    }
    emit();
  });
  if (presenting) for (const t of presenting.getTracks()) link.pc.addTrack(t, presenting);
  const mic = microphone?.getAudioTracks()[0];
  if (mic) micSenders.set(id, link.pc.addTrack(mic, microphone!));
  return link;
}

function unforward(match: (f: { speaker: string; viewer: string }) => boolean): void {
  for (const [key, f] of forwarded) {
    if (!match(f)) continue;
    const pc = links.get(f.viewer)?.pc;
    if (pc && pc.signalingState !== 'closed') pc.removeTrack(f.sender);
    forwarded.delete(key);
  }
}

/** Presenter: each speaker with the floor is forwarded to every other link; the others are not. */
function syncVoices(): void {
  for (const [speaker, v] of heard) {
    if (!floor.has(speaker)) {
      unforward((f) => f.speaker === speaker);
      continue;
    }
    for (const [viewer, link] of links) {
      const key = `${speaker}→${viewer}`;
      if (viewer === speaker || forwarded.has(key)) continue;
      forwarded.set(key, { speaker, viewer, sender: link.pc.addTrack(v.track, v.stream) });
    }
  }
  emit();
}

function close(id: string): void {
  unforward((f) => f.speaker === id || f.viewer === id);
  links.get(id)?.close();
  links.delete(id);
  received.delete(id);
  micSenders.delete(id);
  heard.delete(id);
  emit();
}

/** The presenter starts sending `stream` to everyone the server lets receive it. */
export function p2pPresent(stream: MediaStream, people: BriefingPersonView[], selfId: string | null): void {
  presenting = stream;
  p2pPeople(people, selfId);
}

/** The presenter follows who may receive the stage (viewers and invited speakers) as it changes. */
export function p2pPeople(people: BriefingPersonView[], selfId: string | null): void {
  if (!presenting || !wiring) return;
  const others = people.filter((p) => p.id !== selfId && p.role !== 'presenter');
  floor = new Set(others.filter((p) => p.speaking).map((p) => p.id));
  const wanted = new Set(others.filter((p) => p.viewer || p.speaking).map((p) => p.id));
  for (const id of [...links.keys()]) if (!wanted.has(id)) close(id);
  for (const id of wanted) open(id, false);
  syncVoices();
}

/** The presenter replaces what the stage shows (camera or screen) on every link, without renegotiating. */
export async function p2pReplaceVideo(track: MediaStreamTrack): Promise<void> {
  if (!presenting) return;
  presenting = new MediaStream([...presenting.getAudioTracks(), track]);
  await Promise.all([...links.values()].map((l) => l.setTrack('video', track, presenting!)));
}

export async function p2pReceive(from: string, signal: Signal): Promise<void> {
  if (!wiring) return;
  // An attendee answers the presenter's first offer; the presenter only talks to links it opened.
  const link = presenting ? links.get(from) : open(from, true);
  await link?.receive(signal);
}

/** An invited speaker's microphone goes to the presenter (who forwards it), or stops. */
export async function p2pMicrophone(stream: MediaStream | null): Promise<void> {
  const track = stream?.getAudioTracks()[0] ?? null;
  for (const [id, link] of links) {
    const sender = micSenders.get(id);
    if (sender) await sender.replaceTrack(track);
    // addTrack reuses the receive-only audio transceiver the presenter's offer made, and renegotiates.
    else if (track && stream) micSenders.set(id, link.pc.addTrack(track, stream));
  }
  microphone = stream;
}

export function p2pConnections(): RTCPeerConnection[] {
  return [...links.values()].map((l) => l.pc);
}

export function p2pStop(): void {
  for (const id of [...links.keys()]) close(id);
  presenting = microphone = null;
  floor = new Set();
}
