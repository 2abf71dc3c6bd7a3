import { useMediaStore, type LinkQuality } from '../store/mediaStore.ts';

/** A stream counts as arriving while its counters grew within this time. */
const FLOWING_WINDOW_MS = 3000;
const SAMPLE_MS = 1000;

interface Totals {
  frames: number;
  videoBytes: number;
  audioBytes: number;
}

/**
 * Watches what really arrives from the other person (the receiver's statistics: frames decoded, bytes
 * received), not only whether the connection is up: a connected link over which nothing is sent must
 * not read as "good". Samples once a second while a consultation is open.
 */
export function watchReception(connection: () => RTCPeerConnection | null): () => void {
  let last: Totals = { frames: 0, videoBytes: 0, audioBytes: 0 };
  let lastPc: RTCPeerConnection | null = null;
  /** What earlier connections of this consultation received: the reported counts only ever grow. */
  const earlier = { frames: 0, audioBytes: 0 };
  let pictureAt = 0;
  let soundAt = 0;
  const timer = setInterval(() => void sample(), SAMPLE_MS);

  async function sample(): Promise<void> {
    const pc = connection();
    const now = Date.now();
    if (pc !== lastPc) {
      // A new connection counts from zero.
      earlier.frames += last.frames;
      earlier.audioBytes += last.audioBytes;
      lastPc = pc;
      last = { frames: 0, videoBytes: 0, audioBytes: 0 };
      pictureAt = soundAt = 0;
    }
    const stats = pc ? await pc.getStats().catch(() => null) : null;
    if (pc !== connection()) return;
    let rtt: number | undefined;
    let lost = 0;
    let received = 0;
    const totals: Totals = { frames: 0, videoBytes: 0, audioBytes: 0 };
    stats?.forEach((r: RTCStats & Record<string, unknown>) => {
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
        if (r.kind === 'video') {
          totals.frames += Number(r.framesDecoded ?? 0);
          totals.videoBytes += Number(r.bytesReceived ?? 0);
        } else if (r.kind === 'audio') {
          totals.audioBytes += Number(r.bytesReceived ?? 0);
        }
      }
    });
    if (totals.frames > last.frames) pictureAt = now;
    if (totals.audioBytes > last.audioBytes) soundAt = now;
    last = totals;
    const picture = pictureAt > 0 && now - pictureAt < FLOWING_WINDOW_MS;
    const sound = soundAt > 0 && now - soundAt < FLOWING_WINDOW_MS;
    const loss = received + lost > 0 ? lost / (received + lost) : 0;
    const quality: LinkQuality =
      rtt === undefined
        ? 'unknown'
        : rtt < 0.15 && loss < 0.02
          ? 'good'
          : rtt < 0.4 && loss < 0.08
            ? 'fair'
            : 'poor';
    useMediaStore.getState().set({
      quality,
      picture,
      sound,
      framesDecoded: earlier.frames + totals.frames,
      audioBytesReceived: earlier.audioBytes + totals.audioBytes,
      sampledAt: now,
    });
  }

  return () => clearInterval(timer);
}

/** The other person's own account of what they send; waiting for it to arrive counts from when it began. */
export function expectFromOther(video: boolean, audio: boolean): void {
  const s = useMediaStore.getState();
  const now = Date.now();
  const videoExpectedSince = video ? (s.videoExpectedSince ?? now) : null;
  const audioExpectedSince = audio ? (s.audioExpectedSince ?? now) : null;
  if (videoExpectedSince !== s.videoExpectedSince || audioExpectedSince !== s.audioExpectedSince) {
    s.set({ videoExpectedSince, audioExpectedSince });
  }
}
