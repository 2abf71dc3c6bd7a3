import { SrtpAuthenticationError, type RTCPeerConnection } from 'werift';
import type { StageCounts } from './stageViewer.ts';

/** SRTP's authentication tag: 10 bytes (AES-CM with HMAC-SHA1-80) or 16 (AES-GCM, profile 7). */
const tagLength = (profile: number | undefined) => (profile === 7 ? 16 : 10);
/** Thrown (one instance, no stack to capture) to make werift drop a packet as it drops a forged one. */
const DROP = new SrtpAuthenticationError('counted without decrypting');

/**
 * Count-only reception for load generators: the RTP header is not encrypted in SRTP, so the kind (payload
 * type), the end of a video frame (marker bit) and the payload size can be read without decrypting.
 * Replaces the decryption of `pc`'s connected transport so werift then drops each media packet: no
 * decryption, parsing or jitter and NACK bookkeeping. RTCP is still decrypted and handled. Loss is not
 * repaired (no NACKs) and packets are not authenticated: fine between processes on one machine.
 */
export function countWithoutDecrypting(pc: RTCPeerConnection, counts: StageCounts): void {
  const kinds = new Map<number, string>();
  for (const t of pc.getTransceivers())
    for (const c of t.codecs) if (c.payloadType !== undefined) kinds.set(c.payloadType, t.kind);
  for (const transport of pc.dtlsTransports) {
    const internals = transport as unknown as {
      srtp: { decrypt(data: Buffer): Buffer };
      dtls?: { srtp: { srtpProfile?: number } };
    };
    const tag = tagLength(internals.dtls?.srtp.srtpProfile);
    internals.srtp.decrypt = (data: Buffer) => {
      const kind = kinds.get(data[1]! & 0x7f);
      const extension = data[0]! & 0x10 ? 4 + 4 * data.readUInt16BE(14 + 4 * (data[0]! & 0x0f)) : 0;
      const payload = data.length - 12 - 4 * (data[0]! & 0x0f) - extension - tag;
      if (kind === 'audio') {
        counts.audioPackets++;
        counts.audioBytes += payload;
      } else if (kind === 'video') {
        counts.videoPackets++;
        counts.videoBytes += payload;
        if (data[1]! & 0x80) counts.videoFrames++;
      }
      throw DROP;
    };
  }
}
