import { Client, type Room } from '@colyseus/sdk';
import {
  RTCPeerConnection,
  useOPUS,
  useSdesMid,
  useVP8,
  type RTCIceCandidate,
  type RTCPeerConnectionConfig,
} from 'werift';
import { BRIEFING_ROOM, type StageMessage } from '../../shared/protocol/index.ts';
import type { BriefingState } from '../../shared/state/briefingState.ts';
import type { JanusHandle } from '../../client/src/media/janusSession.ts';
import { waitFor } from './waitFor.ts';

export type SfuStage = Extract<StageMessage, { mode: 'sfu' }>;
export type BriefingRoom = Room<unknown, BriefingState>;

/**
 * Joins a briefing as the browser client does (a resident with a visitor token, or staff with a hall
 * pass) and waits for the private `stage` message with the Janus address, room, PIN and token.
 */
export async function joinBriefingStage(
  serverUrl: string,
  eventId: number,
  who: { nickname: string; visitorToken?: string; staffPass?: string },
  timeoutMs = 15_000,
  /** Request headers, e.g. an X-Forwarded-For address behind a trusted proxy (TRUST_PROXY=on). */
  headers: Record<string, string> = {},
): Promise<{ room: BriefingRoom; stage: SfuStage; feeds: number[] }> {
  const endpoint = serverUrl.replace(/\/$/, '');
  const room = await new Client(endpoint, { headers }).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
    eventId,
    nickname: who.nickname,
    ...(who.staffPass ? { staffPass: who.staffPass } : { visitorToken: who.visitorToken }),
  });
  let stage: StageMessage | null = null;
  // Private publisher ids (presenters): kept in arrival order.
  const feeds: number[] = [];
  room.onMessage('stage', (m: StageMessage) => (stage = m));
  room.onMessage('feed', (m: { id: number }) => feeds.push(m.id));
  for (const type of ['error', 'signal']) room.onMessage(type, () => {});
  try {
    const got = await waitFor(() => stage, timeoutMs, `the stage message for ${who.nickname}`, 50);
    if (got.mode !== 'sfu') throw new Error('the briefing has no SFU (start the server with JANUS_URL)');
    return { room, stage: got, feeds };
  } catch (err) {
    await room.leave().catch(() => {});
    throw err;
  }
}

/**
 * A werift peer for a Janus on this machine: ICE on loopback only (Janus's tests run with
 * `ice_enforce_list = "lo"`), no public STUN (werift's default asks Google's), Opus and VP8.
 */
export function loopbackPeer(stage: SfuStage): RTCPeerConnection {
  const config: RTCPeerConnectionConfig = {
    iceServers: stage.iceServers,
    // No interface's address is gathered, only loopback (one socket per peer, bound to 127.0.0.1).
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
    // One transport for audio and video (Janus bundles): werift leaks the spare one's socket otherwise.
    bundlePolicy: 'max-bundle',
    codecs: {
      audio: [useOPUS()],
      video: [useVP8()],
    },
    headerExtensions: { audio: [useSdesMid()], video: [useSdesMid()] },
  };
  return new RTCPeerConnection(config);
}

/** Sends Janus this peer's loopback candidates only (the others cannot reach a loopback-only Janus). */
export function trickleLoopback(pc: RTCPeerConnection, handle: JanusHandle): void {
  pc.onIceCandidate.subscribe((c: RTCIceCandidate | undefined) => {
    if (!c) return handle.trickle(null);
    if (/ 127\.0\.0\.1 /.test(c.candidate)) handle.trickle(c.toJSON() as RTCIceCandidateInit);
  });
}

/** A werift description as the DOM type the shared Janus session expects. */
export const plainDescription = (d: { type: string; sdp: string } | null): RTCSessionDescriptionInit => {
  if (!d) throw new Error('no local description');
  return { type: d.type as RTCSdpType, sdp: d.sdp };
};
