/**
 * Usage: `const v = await joinStageViewer(server.url, eventId)` joins a live briefing (started with a
 * Janus: `startTestServer({ ...janus.env })`) as a resident would — its own visitor token, through the
 * BriefingRoom — waits until someone is on air (a person with `feed` > 0, the presenter first),
 * subscribes to that feed in Janus with a werift peer and counts the RTP it receives per kind, without
 * decoding: `v.stats()` → `{ audioPackets, videoPackets, audioBytes, videoBytes, videoFrames }` (payload
 * bytes; frames by the RTP marker bit, which ends each video frame).
 * `await v.audioOnly(true)` asks Janus to stop sending the video (a subscriber `configure` with
 * `send: false` on the video stream), `audioOnly(false)` resumes it. `v.room` is the BriefingRoom
 * connection (state, send), `v.janusUrl` the Janus the server pointed it to, `v.timings` how long being
 * seated and connecting the media took. Always `await v.close()`. A publisher without a browser:
 * `joinStagePublisher(server.url, eventId, { staffPass: await hallPass(server.url, hostCookie) })`
 * (stagePublisher.ts; synthetic Opus + VP8, `stats()` counts what it sent). Viewers from one address
 * joining at once need BRIEFING_JOINS_PER_ADDRESS raised (or `headers: { 'x-forwarded-for': … }` with
 * TRUST_PROXY=on). Hundreds of viewers: `decrypt: false` (count-only, about a third cheaper) and a few
 * processes — see test/bench/briefingViewers.ts.
 */
import type { MediaStreamTrack, RtpPacket } from 'werift';
import { JanusSession } from '../../client/src/media/janusSession.ts';
import {
  joinBriefingStage,
  loopbackPeer,
  plainDescription,
  trickleLoopback,
  type BriefingRoom,
} from './stageJoin.ts';
import { newVisitorToken } from './visitorToken.ts';
import { countWithoutDecrypting } from './srtpCounter.ts';
import { waitFor } from './waitFor.ts';

export interface StageCounts {
  audioPackets: number;
  videoPackets: number;
  audioBytes: number;
  videoBytes: number;
  /** Video packets with the marker bit (the last of each frame): frames, whatever their size. */
  videoFrames: number;
}

export interface StageViewer {
  /** This viewer's session in the BriefingRoom. */
  sessionId: string;
  /** The Janus the server told it to use. */
  janusUrl: string;
  /** The feed it watches. */
  feed: number;
  room: BriefingRoom;
  /**
   * From the join request: until the room's state showed this viewer seated or in the overflow hall
   * (NaN while not yet), and until its media connection with Janus was up.
   */
  timings: { seatedMs: number; mediaMs: number };
  stats(): StageCounts;
  /** Asks Janus to stop (true) or resume (false) sending the video; the audio keeps coming. */
  audioOnly(on: boolean): Promise<void>;
  /** Any subscriber `configure` on its own handle (for tests of what Janus refuses); rejects with Janus's error. */
  configure(body: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface StageViewerOptions {
  nickname?: string;
  visitorToken?: string;
  /** How long to wait for someone on air and for the media to connect. */
  timeoutMs?: number;
  /** The feed to watch (default: the presenter's, else anyone's on air). */
  feedOf?: (room: BriefingRoom) => number | undefined;
  /** Request headers for the visitor token and the briefing, e.g. X-Forwarded-For behind TRUST_PROXY=on. */
  headers?: Record<string, string>;
  /**
   * false: once connected, count SRTP packets without decrypting them (srtpCounter.ts), for load
   * generators with hundreds of viewers; no loss repair then. Default true: a full receiver.
   */
  decrypt?: boolean;
}

let viewers = 0;

export async function joinStageViewer(
  serverUrl: string,
  eventId: number,
  opts: StageViewerOptions = {},
): Promise<StageViewer> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const nickname = opts.nickname ?? `viewer${++viewers}`;
  const headers = opts.headers ?? {};
  const visitorToken = opts.visitorToken ?? (await newVisitorToken(serverUrl.replace(/\/$/, ''), headers));
  const started = performance.now();
  const { room, stage } = await joinBriefingStage(
    serverUrl,
    eventId,
    { nickname, visitorToken },
    timeoutMs,
    headers,
  );
  // Seated (or in the overflow hall) is when the room's state shows this person with a place.
  const timings = { seatedMs: NaN, mediaMs: NaN };
  const placed = () => {
    const me = room.state.people?.get(room.sessionId);
    if (Number.isNaN(timings.seatedMs) && me && (me.seat || me.overflow))
      timings.seatedMs = performance.now() - started;
  };
  placed();
  room.onStateChange(placed);
  let session: JanusSession | null = null;
  const pc = loopbackPeer(stage);
  try {
    const feed = await waitFor(
      () => (opts.feedOf ?? onAir)(room),
      timeoutMs,
      `someone on air for ${nickname}`,
      50,
    );
    session = await JanusSession.create(stage.url, stage.token);
    const handle = await session.attach();
    // On a Janus the stage spreads to, a feed arrives with the server's next sweep (within 2 s).
    const offer = await waitFor(
      () =>
        handle
          .send({
            request: 'join',
            ptype: 'subscriber',
            room: stage.room,
            pin: stage.pin,
            streams: [{ feed }],
          })
          .catch((err: unknown) => {
            if (err instanceof Error && /no such feed/i.test(err.message)) return undefined;
            throw err;
          }),
      timeoutMs,
      `feed ${feed} in ${nickname}'s Janus`,
      200,
    );
    if (!offer.jsep) throw new Error('Janus sent no offer to the subscriber');
    const counts: StageCounts = {
      audioPackets: 0,
      videoPackets: 0,
      audioBytes: 0,
      videoBytes: 0,
      videoFrames: 0,
    };
    pc.onTrack.subscribe((track: MediaStreamTrack) => {
      const audio = track.kind === 'audio';
      track.onReceiveRtp.subscribe((rtp: RtpPacket) => {
        if (audio) {
          counts.audioPackets++;
          counts.audioBytes += rtp.payload.length;
        } else {
          counts.videoPackets++;
          counts.videoBytes += rtp.payload.length;
          if (rtp.header.marker) counts.videoFrames++;
        }
      });
    });
    trickleLoopback(pc, handle);
    await pc.setRemoteDescription(offer.jsep as { type: 'offer'; sdp: string });
    await pc.setLocalDescription(await pc.createAnswer());
    await handle.send({ request: 'start', room: stage.room }, plainDescription(pc.localDescription));
    await waitFor(
      () => pc.connectionState === 'connected' || pc.connectionState === 'failed',
      timeoutMs,
      `${nickname}'s media connection`,
      50,
    );
    if (pc.connectionState === 'failed') throw new Error(`${nickname}: ICE/DTLS with Janus failed`);
    timings.mediaMs = performance.now() - started;
    if (opts.decrypt === false) countWithoutDecrypting(pc, counts);
    const videoMid = pc.getTransceivers().find((t) => t.kind === 'video')?.mid;
    const janus = session;
    return {
      sessionId: room.sessionId,
      janusUrl: stage.url,
      feed,
      room,
      timings,
      stats: () => ({ ...counts }),
      async audioOnly(on) {
        if (!videoMid) throw new Error('this subscription has no video');
        await handle.send({ request: 'configure', streams: [{ mid: videoMid, send: !on }] });
      },
      async configure(body) {
        await handle.send({ request: 'configure', ...body });
      },
      async close() {
        await pc.close().catch(() => {});
        janus.destroy();
        await room.leave().catch(() => {});
      },
    };
  } catch (err) {
    await pc.close().catch(() => {});
    session?.destroy();
    await room.leave().catch(() => {});
    throw err;
  }
}

/** The feed to watch: the presenter's when on air, else anyone's (an interpreter, a speaker). */
function onAir(room: BriefingRoom): number | undefined {
  const live = [...(room.state.people?.values() ?? [])].filter((p) => p.feed > 0);
  return (live.find((p) => p.role === 'presenter') ?? live[0])?.feed;
}
