import type { StageInfo } from '../store/briefingStore.ts';
import { JanusSession, type JanusHandle } from './janusSession.ts';

export type SfuInfo = Extract<StageInfo, { mode: 'sfu' }>;

export interface SfuPublisher {
  /** Janus's id for this feed, so our own feeds are not watched back. */
  feed: number;
  pc: RTCPeerConnection;
  close(): void;
}

/**
 * Sends `stream` (camera and microphone, or a speaker's microphone alone) to the event's VideoRoom as the
 * publisher id the briefing handed out (Janus removes publishers with any other id).
 */
export async function sfuPublish(
  info: SfuInfo,
  feed: number,
  display: string,
  stream: MediaStream,
): Promise<SfuPublisher> {
  const session = await JanusSession.create(info.url, info.token);
  try {
    const handle = await session.attach();
    await handle.send({
      request: 'join',
      ptype: 'publisher',
      room: info.room,
      pin: info.pin,
      id: feed,
      display: display.slice(0, 64),
    });
    const pc = new RTCPeerConnection({ iceServers: info.iceServers });
    for (const t of stream.getTracks()) pc.addTransceiver(t, { direction: 'sendonly', streams: [stream] });
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate ? candidate.toJSON() : null);
    await pc.setLocalDescription(await pc.createOffer());
    const answer = await handle.send(
      {
        request: 'configure',
        audio: stream.getAudioTracks().length > 0,
        video: stream.getVideoTracks().length > 0,
      },
      pc.localDescription!.toJSON(),
    );
    if (answer.jsep) await pc.setRemoteDescription(answer.jsep);
    return {
      feed,
      pc,
      close() {
        pc.close();
        session.destroy();
      },
    };
  } catch (err) {
    session.destroy();
    throw err;
  }
}

interface Feed {
  handle: JanusHandle;
  pc: RTCPeerConnection;
  stream: MediaStream;
}

/**
 * Everyone who publishes in the room, as received: the presenter's camera (a feed with video) and
 * invited speakers' voices (audio-only feeds). New publishers are found by asking Janus every 1.5 s.
 */
export class SfuAudience {
  private session: JanusSession | null = null;
  private lister: JanusHandle | null = null;
  private feeds = new Map<number, Feed>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private busy = false;

  constructor(
    private readonly info: SfuInfo,
    /** Feeds the briefing handed out, minus our own: anything else in the room is not ours to play. */
    private readonly wanted: () => ReadonlySet<number>,
    private readonly onChange: (streams: { feed: number; stream: MediaStream }[]) => void,
  ) {}

  async start(): Promise<void> {
    this.session = await JanusSession.create(this.info.url, this.info.token);
    this.lister = await this.session.attach();
    this.timer = setInterval(() => void this.look(), 1500);
    await this.look();
  }

  private async look(): Promise<void> {
    if (this.busy || !this.lister) return;
    this.busy = true;
    try {
      const r = await this.lister.send({ request: 'listparticipants', room: this.info.room });
      const list = (r.plugindata?.data.participants ?? []) as { id: number; publisher: boolean }[];
      const wanted = this.wanted();
      const live = new Set(list.filter((p) => p.publisher && wanted.has(p.id)).map((p) => p.id));
      for (const [id, feed] of this.feeds) {
        if (live.has(id)) continue;
        feed.pc.close();
        feed.handle.detach();
        this.feeds.delete(id);
        this.emit();
      }
      for (const id of live) if (!this.feeds.has(id)) await this.subscribe(id);
    } catch {
      // Janus unreachable for a moment: the next look tries again.
    } finally {
      this.busy = false;
    }
  }

  private async subscribe(feed: number): Promise<void> {
    const handle = await this.session!.attach();
    const offer = await handle.send({
      request: 'join',
      ptype: 'subscriber',
      room: this.info.room,
      pin: this.info.pin,
      streams: [{ feed }],
    });
    const pc = new RTCPeerConnection({ iceServers: this.info.iceServers });
    const stream = new MediaStream();
    this.feeds.set(feed, { handle, pc, stream });
    pc.ontrack = ({ track }) => {
      stream.addTrack(track);
      this.emit();
    };
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate ? candidate.toJSON() : null);
    await pc.setRemoteDescription(offer.jsep!);
    await pc.setLocalDescription(await pc.createAnswer());
    await handle.send({ request: 'start', room: this.info.room }, pc.localDescription!.toJSON());
  }

  private emit(): void {
    this.onChange(
      [...this.feeds.entries()].map(([feed, f]) => ({ feed, stream: new MediaStream(f.stream.getTracks()) })),
    );
  }

  connections(): RTCPeerConnection[] {
    return [...this.feeds.values()].map((f) => f.pc);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const f of this.feeds.values()) f.pc.close();
    this.feeds.clear();
    this.session?.destroy();
    this.session = this.lister = null;
  }
}
