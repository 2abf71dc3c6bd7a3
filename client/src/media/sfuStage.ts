import type { StageInfo } from '../store/briefingStore.ts';
import { JanusSession, type JanusHandle, type JanusMessage } from './janusSession.ts';
import { firstChoice, LADDER, nextChoice, type LayerChoice } from './layerChoice.ts';
import { sampleLink, type LinkCounters } from './linkSample.ts';

export type SfuInfo = Extract<StageInfo, { mode: 'sfu' }>;

interface Feed {
  handle: JanusHandle;
  pc: RTCPeerConnection;
  stream: MediaStream;
  /** The subscription's video m-line, when the feed has video. */
  videoMid?: string;
  layer: LayerChoice;
  counters: LinkCounters | null;
  slowLinks: number;
}

/** After a failed subscription (the feed not yet on this Janus), the next try waits 1, 2, 4, then 8 s. */
const retryDelayMs = (tries: number) => Math.min(8000, 1000 * 2 ** tries);
const ADAPT_MS = 2000;

/**
 * Everyone on stage, as received: the presenter's camera (a feed with video) and invited speakers' voices
 * (audio-only feeds). Which feeds are on stage comes from the briefing's own state (people with a feed),
 * not from asking Janus: a feed is subscribed when it appears there, dropped when it goes. Each video
 * subscription gets the simulcast layer its connection carries (layerChoice.ts); audio-only asks Janus
 * to stop sending video altogether.
 */
export class SfuAudience {
  private session: JanusSession | null = null;
  private feeds = new Map<number, Feed>();
  private subscribing = new Set<number>();
  private retries = new Map<number, { at: number; tries: number }>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private audioOnly = false;

  constructor(
    private readonly info: SfuInfo,
    /** Feeds the briefing shows on stage, minus our own: anything else in the room is not ours to play. */
    private readonly wanted: () => ReadonlySet<number>,
    private readonly onChange: (streams: { feed: number; stream: MediaStream }[]) => void,
  ) {}

  async start(): Promise<void> {
    this.session = await JanusSession.create(this.info.url, this.info.token);
    this.timer = setInterval(() => {
      this.sync();
      void this.adapt();
    }, ADAPT_MS);
    this.sync();
  }

  /** The briefing's people changed (or a retry is due): subscribe to new feeds, drop those gone. */
  sync(): void {
    if (!this.session) return;
    const wanted = this.wanted();
    for (const id of this.feeds.keys()) if (!wanted.has(id)) this.drop(id);
    for (const id of this.retries.keys()) if (!wanted.has(id)) this.retries.delete(id);
    const now = Date.now();
    for (const id of wanted) {
      const retry = this.retries.get(id);
      if (this.feeds.has(id) || this.subscribing.has(id) || (retry && retry.at > now)) continue;
      void this.subscribe(id, retry?.tries ?? 0);
    }
  }

  /** Video off (Janus stops sending it; the sound and the slides stay) or back on. */
  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    await Promise.all([...this.feeds.values()].map((f) => this.applyVideo(f)));
  }

  private async applyVideo(f: Feed): Promise<void> {
    if (!f.videoMid) return;
    for (const t of f.stream.getVideoTracks()) t.enabled = !this.audioOnly;
    const layer = LADDER[f.layer.step]!;
    await f.handle
      .send({ request: 'configure', streams: [{ mid: f.videoMid, send: !this.audioOnly, ...layer }] })
      .catch(() => {});
  }

  private async subscribe(feed: number, tries: number): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.subscribing.add(feed);
    let handle: JanusHandle | null = null;
    let pc: RTCPeerConnection | null = null;
    try {
      handle = await session.attach();
      const offer = await handle.send({
        request: 'join',
        ptype: 'subscriber',
        room: this.info.room,
        pin: this.info.pin,
        streams: [{ feed }],
      });
      if (this.session !== session || !this.wanted().has(feed)) throw new Error('no longer wanted');
      const streams = (offer.plugindata?.data.streams ?? []) as { type: string; mid: string }[];
      pc = new RTCPeerConnection({ iceServers: this.info.iceServers });
      const f: Feed = {
        handle,
        pc,
        stream: new MediaStream(),
        videoMid: streams.find((s) => s.type === 'video')?.mid,
        layer: firstChoice(),
        counters: null,
        slowLinks: 0,
      };
      pc.ontrack = ({ track }) => {
        if (track.kind === 'video') track.enabled = !this.audioOnly;
        f.stream.addTrack(track);
        this.emit();
      };
      const h = handle;
      pc.onicecandidate = ({ candidate }) => h.trickle(candidate ? candidate.toJSON() : null);
      handle.onEvent = (m) => this.onJanus(feed, m);
      // Listed before the tracks arrive (during setRemoteDescription), so they are shown.
      this.feeds.set(feed, f);
      await pc.setRemoteDescription(offer.jsep!);
      await pc.setLocalDescription(await pc.createAnswer());
      await handle.send({ request: 'start', room: this.info.room }, pc.localDescription!.toJSON());
      this.retries.delete(feed);
      if (this.audioOnly) await this.applyVideo(f);
    } catch {
      if (pc && this.feeds.get(feed)?.pc === pc) this.drop(feed);
      pc?.close();
      handle?.detach();
      if (this.session === session)
        this.retries.set(feed, { at: Date.now() + retryDelayMs(tries), tries: tries + 1 });
    } finally {
      this.subscribing.delete(feed);
    }
  }

  /**
   * Janus on its own: the PeerConnection hung up, or the feed left the room (its publisher went, or the
   * copy forwarded from another Janus was replaced). If the briefing still shows the feed, subscribe again.
   */
  private onJanus(feed: number, m: JanusMessage): void {
    const f = this.feeds.get(feed);
    if (!f) return;
    const data = m.plugindata?.data ?? {};
    if (m.janus === 'slowlink') f.slowLinks++;
    else if (m.janus === 'hangup' || data.videoroom === 'updated' || data.left !== undefined) {
      this.drop(feed);
      this.retries.set(feed, { at: Date.now() + retryDelayMs(0), tries: 1 });
    }
  }

  /** Every few seconds: each video subscription's layer follows what its connection carried. */
  private async adapt(): Promise<void> {
    if (this.audioOnly) return;
    for (const f of this.feeds.values()) {
      if (!f.videoMid) continue;
      const counters = await sampleLink(f.pc).catch(() => null);
      if (!counters) continue;
      const before = f.counters;
      f.counters = counters;
      if (!before) continue;
      const step = f.layer.step;
      f.layer = nextChoice(
        f.layer,
        {
          lost: Math.max(0, counters.lost - before.lost),
          received: Math.max(0, counters.received - before.received),
          availableBps: counters.availableBps,
          slowLinks: f.slowLinks,
        },
        (counters.at - before.at) / 1000,
      );
      f.slowLinks = 0;
      if (f.layer.step !== step) await this.applyVideo(f);
    }
  }

  private drop(feed: number): void {
    const f = this.feeds.get(feed);
    if (!f) return;
    this.feeds.delete(feed);
    f.handle.onEvent = null;
    f.pc.close();
    f.handle.detach();
    this.emit();
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
    this.retries.clear();
    this.session?.destroy();
    this.session = null;
  }
}
