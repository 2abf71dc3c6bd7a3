import type { ConsultationSignalMessage, IceServer } from '../../../shared/protocol/index.ts';
import { useMediaStore } from '../store/mediaStore.ts';
import { ConnectWatch } from './connectWatch.ts';
import { LinkPairing } from './linkPairing.ts';
import { PeerLink } from './peerLink.ts';

export type ConsultationSignal = Omit<ConsultationSignalMessage, 'to'>;

/** What this side sends now: the microphone, and the camera or the shared screen. */
export interface Outgoing {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  stream: MediaStream;
}

interface Wiring {
  iceServers: IceServer[];
  /** Exactly one side is polite: it yields when both offer at once. */
  polite: boolean;
  send(to: string, signal: ConsultationSignal): void;
  outgoing(): Outgoing;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let wiring: Wiring | null = null;
let peerId: string | null = null;
let link: PeerLink | null = null;
const pairing = new LinkPairing(randomId);

/** How often the watchdog looks; greetings repeat and stuck offers are given up at this pace. */
const WATCH_MS = 2000;
/** An offer unanswered this long was lost (a socket that dropped meanwhile): start both sides over. */
const STUCK_OFFER_MS = 8000;
let watchdog: ReturnType<typeof setInterval> | null = null;
let offerSince: number | null = null;
const connectWatch = new ConnectWatch();

/**
 * Greetings and offers travel over the room's socket and can be lost (a side that was still joining, a
 * drop): while unpaired we greet again, and an offer that never got its answer makes both start over.
 */
function watch(): void {
  if (!wiring || !peerId) return;
  if (pairing.theirs === null) {
    hello(null);
    return;
  }
  const waiting = link?.pc.signalingState === 'have-local-offer';
  if (!waiting) offerSince = null;
  else if (offerSince === null) offerSince = Date.now();
  else if (Date.now() - offerSince > STUCK_OFFER_MS) return restartLink();
  const pc = link?.pc;
  const look = {
    negotiated: !!pc?.localDescription && !!pc.remoteDescription,
    connected: pc?.connectionState === 'connected',
  };
  if (connectWatch.look(look, Date.now())) restartLink();
}

const store = () => useMediaStore.getState();

/** Called when a consultation room is entered. */
export function configureLink(w: Wiring | null): void {
  wiring = w;
  if (watchdog) clearInterval(watchdog);
  watchdog = w ? setInterval(watch, WATCH_MS) : null;
  if (!w) setPeer(null);
}

function hello(peer: string | null): void {
  if (wiring && peerId) wiring.send(peerId, { link: pairing.mine, peer });
}

/** The other person is here (or gone for good): greet them, or close the connection to them. */
export function setPeer(id: string | null): void {
  if (id === peerId) return;
  closeLink();
  peerId = id;
  connectWatch.forget();
  pairing.restart();
  hello(null);
}

/** Our side reconnected: what was on the way may be lost, so both sides start a new connection. */
export function restartLink(): void {
  if (!peerId) return;
  closeLink();
  pairing.restart();
  hello(null);
}

function openLink(): void {
  closeLink();
  if (!wiring || !peerId) return;
  const w = wiring;
  const to = peerId;
  const ids = { link: pairing.mine, peer: pairing.theirs };
  const lossy = loseCandidatesOnce;
  loseCandidatesOnce = false;
  const l = new PeerLink(
    w.iceServers,
    w.polite,
    (s) => {
      if (!(lossy && s.candidate !== undefined)) w.send(to, { ...s, ...ids });
    },
    (remote) => {
      if (link === l) store().set({ remote });
    },
  );
  link = l;
  lossyLink = lossy ? l : null;
  const out = w.outgoing();
  for (const track of [out.audio, out.video]) if (track) l.pc.addTrack(track, out.stream);
  l.pc.onconnectionstatechange = () => {
    if (l.pc.connectionState === 'failed') l.pc.restartIce();
  };
  store().set({ linkSince: Date.now() });
}

export function closeLink(): void {
  link?.close();
  link = null;
  offerSince = null;
  store().set({ remote: null, linkSince: null });
}

export async function receiveSignal(from: string, signal: ConsultationSignal): Promise<void> {
  if (!wiring) return;
  if (from !== peerId) setPeer(from);
  if (!signal.description && signal.candidate === undefined) {
    const outcome = pairing.hello(signal.link, signal.peer);
    if (!outcome) return;
    if (outcome.rebuild) openLink();
    if (outcome.reply) hello(pairing.theirs);
    return;
  }
  if (!link || !pairing.accepts(signal.link, signal.peer)) return;
  if (link === lossyLink && signal.candidate !== undefined) return;
  await link.receive({ description: signal.description, candidate: signal.candidate });
}

/** Sends a changed track on the open connection (one opened later picks it up from `outgoing`). */
export async function sendTrack(
  kind: 'audio' | 'video',
  track: MediaStreamTrack | null,
  stream: MediaStream,
): Promise<void> {
  await link?.setTrack(kind, track, stream);
}

let loseCandidatesOnce = false;
let lossyLink: PeerLink | null = null;
/**
 * For tests only: starts over with a connection whose ICE candidates are lost both ways, so that it is
 * negotiated but never connects, and nothing in the browser reports a failure.
 */
export function simulateLostCandidates(): void {
  loseCandidatesOnce = true;
  restartLink();
}

export function connection(): RTCPeerConnection | null {
  return link?.pc ?? null;
}
