/** Running totals of one subscription's incoming video, as getStats reports them at `at` (ms). */
export interface LinkCounters {
  at: number;
  lost: number;
  received: number;
  /** The browser's estimate of what the connection can take, bits/s (not every browser gives one). */
  availableBps?: number;
}

/** Reads the video receive counters of one PeerConnection (a subscription to one feed). */
export async function sampleLink(pc: RTCPeerConnection): Promise<LinkCounters> {
  const stats = await pc.getStats();
  const out: LinkCounters = { at: performance.now(), lost: 0, received: 0 };
  stats.forEach((r: RTCStats & Record<string, unknown>) => {
    if (r.type === 'inbound-rtp' && r.kind === 'video') {
      out.lost += Number(r.packetsLost ?? 0);
      out.received += Number(r.packetsReceived ?? 0);
    } else if (r.type === 'candidate-pair' && r.nominated && typeof r.availableIncomingBitrate === 'number') {
      out.availableBps = r.availableIncomingBitrate;
    }
  });
  return out;
}
