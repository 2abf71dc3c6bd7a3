/**
 * A presenter without a browser: joins the briefing with a staff hall pass, takes the publisher id the
 * room hands out, publishes synthetic Opus and VP8 RTP to Janus with a werift peer, then reports it is
 * on air. Janus forwards RTP it cannot decode, so the payloads need only look right where Janus reads
 * them: a VP8 payload descriptor on every packet and a keyframe header (start code, size) on keyframes.
 */
import { RtpHeader, RtpPacket, type RTCRtpSender } from 'werift';
import { JanusSession } from '../../client/src/media/janusSession.ts';
import {
  joinBriefingStage,
  loopbackPeer,
  plainDescription,
  trickleLoopback,
  type BriefingRoom,
} from './stageJoin.ts';
import type { StageCounts } from './stageViewer.ts';
import { waitFor } from './waitFor.ts';

export interface StagePublisher {
  sessionId: string;
  janusUrl: string;
  /** The Janus publisher id the briefing handed out (public in the room state once on air). */
  feed: number;
  room: BriefingRoom;
  /** What was sent so far (payload bytes, as the viewers count them). */
  stats(): StageCounts & { keyframes: number };
  close(): Promise<void>;
}

export interface StagePublisherOptions {
  /** A one-use pass from POST /api/staff/hall-pass of a presenter of the event. */
  staffPass?: string;
  /** Or a resident (visitor token), who must be invited to speak: `beforeFeed` waits for that. */
  visitorToken?: string;
  beforeFeed?: (room: BriefingRoom) => Promise<void>;
  nickname?: string;
  /** Video bitrate aimed at (default 600 kbit/s) and frame rate (default 30). */
  videoKbps?: number;
  fps?: number;
  timeoutMs?: number;
}

const AUDIO_PAYLOAD = 80; // Opus at about 32 kbit/s in 20 ms frames
const MTU_PAYLOAD = 1100;
const WIDTH = 640;
const HEIGHT = 360;

export async function joinStagePublisher(
  serverUrl: string,
  eventId: number,
  opts: StagePublisherOptions,
): Promise<StagePublisher> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const nickname = opts.nickname ?? 'presenter';
  const { room, stage, feeds } = await joinBriefingStage(
    serverUrl,
    eventId,
    { nickname, staffPass: opts.staffPass, visitorToken: opts.visitorToken },
    timeoutMs,
  );
  let session: JanusSession | null = null;
  const pc = loopbackPeer(stage);
  const timers: ReturnType<typeof setInterval>[] = [];
  try {
    await opts.beforeFeed?.(room);
    room.send('requestFeed', {});
    const feed = await waitFor(() => feeds[0], timeoutMs, 'a publisher id from the briefing', 20);
    session = await JanusSession.create(stage.url, stage.token);
    const handle = await session.attach();
    await handle.send({
      request: 'join',
      ptype: 'publisher',
      room: stage.room,
      pin: stage.pin,
      id: feed,
      display: nickname.slice(0, 64),
    });
    const audio = pc.addTransceiver('audio', { direction: 'sendonly' }).sender;
    const video = pc.addTransceiver('video', { direction: 'sendonly' }).sender;
    trickleLoopback(pc, handle);
    await pc.setLocalDescription(await pc.createOffer());
    const answer = await handle.send(
      { request: 'configure', audio: true, video: true },
      plainDescription(pc.localDescription),
    );
    if (!answer.jsep) throw new Error('Janus sent no answer to the publisher');
    await pc.setRemoteDescription(answer.jsep as { type: 'answer'; sdp: string });
    await waitFor(
      () => pc.connectionState === 'connected' || pc.connectionState === 'failed',
      timeoutMs,
      'the publisher media connection',
      50,
    );
    if (pc.connectionState === 'failed') throw new Error('publisher: ICE/DTLS with Janus failed');

    const counts = {
      audioPackets: 0,
      videoPackets: 0,
      audioBytes: 0,
      videoBytes: 0,
      videoFrames: 0,
      keyframes: 0,
    };
    const opus = new OpusSource(audio);
    const vp8 = new Vp8Source(video, opts.videoKbps ?? 600, opts.fps ?? 30);
    video.onPictureLossIndication.subscribe(() => (vp8.keyframeWanted = true));
    // Janus may ask with FIR (payload-specific feedback, FMT 4) instead of PLI.
    video.onRtcp.subscribe((p) => {
      if (p.type === 206 && (p as { feedback?: { count?: number } }).feedback?.count === 4)
        vp8.keyframeWanted = true;
    });
    timers.push(
      setInterval(() => {
        const bytes = opus.frame();
        counts.audioPackets++;
        counts.audioBytes += bytes;
      }, 20),
      setInterval(
        () => {
          const { packets, bytes, keyframe } = vp8.frame();
          counts.videoPackets += packets;
          counts.videoBytes += bytes;
          counts.videoFrames++;
          if (keyframe) counts.keyframes++;
        },
        1000 / (opts.fps ?? 30),
      ),
    );
    room.send('onAir', { feed });
    await waitFor(() => room.state.people?.get(room.sessionId)?.feed === feed, timeoutMs, 'on air', 20);
    const janus = session;
    return {
      sessionId: room.sessionId,
      janusUrl: stage.url,
      feed,
      room,
      stats: () => ({ ...counts }),
      async close() {
        for (const t of timers) clearInterval(t);
        await pc.close().catch(() => {});
        janus.destroy();
        await room.leave().catch(() => {});
      },
    };
  } catch (err) {
    for (const t of timers) clearInterval(t);
    await pc.close().catch(() => {});
    session?.destroy();
    await room.leave().catch(() => {});
    throw err;
  }
}

/** 20 ms Opus frames: a valid TOC byte (CELT fullband, 20 ms, mono, one frame), then filler. */
class OpusSource {
  private seq = Math.floor(Math.random() * 0xffff);
  private ts = Math.floor(Math.random() * 0xffffffff);
  private readonly payload = Buffer.alloc(AUDIO_PAYLOAD, 0x5a);
  constructor(private readonly sender: RTCRtpSender) {
    this.payload[0] = 15 << 3;
  }
  frame(): number {
    const header = new RtpHeader({ sequenceNumber: this.seq, timestamp: this.ts, marker: false });
    void this.sender.sendRtp(new RtpPacket(header, this.payload));
    this.seq = (this.seq + 1) & 0xffff;
    this.ts = (this.ts + 960) >>> 0;
    return this.payload.length;
  }
}

/**
 * VP8 frames of the size a 640×360 camera stream has at the given bitrate, split into packets of at
 * most MTU_PAYLOAD bytes. The first frame is a keyframe, and so is the next one after Janus asks for one
 * (it does whenever a subscriber joins). Keyframes are eight times the size of other frames.
 */
class Vp8Source {
  keyframeWanted = true;
  private seq = Math.floor(Math.random() * 0xffff);
  private ts = Math.floor(Math.random() * 0xffffffff);
  private pictureId = Math.floor(Math.random() * 0x7fff);
  private readonly frameBytes: number;
  private readonly tsStep: number;
  constructor(
    private readonly sender: RTCRtpSender,
    kbps: number,
    fps: number,
  ) {
    this.frameBytes = Math.max(200, Math.round((kbps * 1000) / 8 / fps));
    this.tsStep = Math.round(90_000 / fps);
  }

  frame(): { packets: number; bytes: number; keyframe: boolean } {
    const keyframe = this.keyframeWanted;
    this.keyframeWanted = false;
    const body = this.body(keyframe, keyframe ? this.frameBytes * 8 : this.frameBytes);
    let packets = 0;
    let bytes = 0;
    for (let at = 0; at < body.length; at += MTU_PAYLOAD) {
      const chunk = body.subarray(at, at + MTU_PAYLOAD);
      const last = at + MTU_PAYLOAD >= body.length;
      const payload = Buffer.concat([this.descriptor(at === 0), chunk]);
      const header = new RtpHeader({ sequenceNumber: this.seq, timestamp: this.ts, marker: last });
      void this.sender.sendRtp(new RtpPacket(header, payload));
      this.seq = (this.seq + 1) & 0xffff;
      packets++;
      bytes += payload.length;
    }
    this.ts = (this.ts + this.tsStep) >>> 0;
    this.pictureId = (this.pictureId + 1) & 0x7fff;
    return { packets, bytes, keyframe };
  }

  /** RFC 7741 payload descriptor: X and S (start of partition 0) bits, a 15-bit picture id. */
  private descriptor(start: boolean): Buffer {
    return Buffer.from([
      0x80 | (start ? 0x10 : 0),
      0x80,
      0x80 | (this.pictureId >> 8),
      this.pictureId & 0xff,
    ]);
  }

  /** The VP8 frame: a 3-byte frame tag (keyframe bit, shown, first partition size), then for keyframes the start code and size. */
  private body(keyframe: boolean, size: number): Buffer {
    const body = Buffer.alloc(size, 0x33);
    const firstPart = Math.min(size - 10, 0x7ffff);
    body[0] = ((firstPart & 0x7) << 5) | 0x10 | (keyframe ? 0 : 1);
    body[1] = (firstPart >> 3) & 0xff;
    body[2] = (firstPart >> 11) & 0xff;
    if (keyframe) {
      body.set([0x9d, 0x01, 0x2a], 3);
      body.writeUInt16LE(WIDTH, 6);
      body.writeUInt16LE(HEIGHT, 8);
    }
    return body;
  }
}
