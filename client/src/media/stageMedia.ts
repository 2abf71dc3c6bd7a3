import { selfOf, useBriefingStore, type StageInfo } from '../store/briefingStore.ts';
import { SfuAudience } from './sfuStage.ts';
import { sfuPublish, type SfuPublisher } from './sfuPublish.ts';
import {
  p2pConnections,
  p2pMicrophone,
  p2pPeople,
  p2pPresent,
  p2pReplaceVideo,
  p2pStop,
} from './p2pStage.ts';

/**
 * The briefing stage for this browser, whichever way it travels (Janus or peer-to-peer): the presenter
 * sends camera (or screen) and microphone, an invited speaker sends a microphone, everyone else receives.
 */
let presenter: SfuPublisher | null = null;
let speaker: SfuPublisher | null = null;
let audience: SfuAudience | null = null;
let local: MediaStream | null = null;
let camera: MediaStreamTrack | null = null;
let screen: MediaStreamTrack | null = null;
let microphone: MediaStream | null = null;
let statsTimer: ReturnType<typeof setInterval> | null = null;

const store = () => useBriefingStore.getState();

/** How this browser gets a publisher id from the briefing and says its feed is on air (set on joining). */
interface SfuLink {
  requestFeed(): Promise<number>;
  onAir(feed: number): void;
}
let link: SfuLink | null = null;
export function configureSfuLink(l: SfuLink | null): void {
  link = l;
}

/**
 * Publishes through Janus with an id the briefing hands out privately just now, then tells the briefing
 * it is on air so attendees subscribe (nobody can take the id before the publisher has it).
 */
async function publishThroughSfu(
  stage: StageInfo,
  display: string,
  stream: MediaStream,
): Promise<SfuPublisher> {
  if (stage.mode !== 'sfu' || !link) throw new Error('no SFU stage');
  const feed = await link.requestFeed();
  const publisher = await sfuPublish(stage, feed, display, stream);
  link.onAir(feed);
  return publisher;
}

/**
 * Received streams, by the feed they come from: the sign-language interpreter's is shown beside the
 * stage, the presenter's video is the stage, audio-only ones are invited speakers' voices.
 */
let received: { feed?: number; stream: MediaStream }[] = [];
export function showStreams(streams: { feed?: number; stream: MediaStream }[]): void {
  received = streams;
  const b = store();
  const interpreterFeeds = new Set(
    Object.values(b.people).flatMap((p) => (p.role === 'interpreter' ? [p.feed] : [])),
  );
  const signing = streams.find((s) => s.feed !== undefined && interpreterFeeds.has(s.feed));
  const rest = streams.filter((s) => s !== signing).map((s) => s.stream);
  store().set({
    stageRemote: rest.find((s) => s.getVideoTracks().length > 0) ?? null,
    interpreterRemote: selfOf(b)?.role === 'interpreter' ? b.stageLocal : (signing?.stream ?? null),
    voices: rest.filter((s) => s.getVideoTracks().length === 0 && s.getAudioTracks().length > 0),
  });
}

function connections(): RTCPeerConnection[] {
  return [...(audience?.connections() ?? []), ...p2pConnections()];
}

function sampleFrames(): void {
  if (statsTimer) return;
  statsTimer = setInterval(() => {
    void Promise.all(connections().map((pc) => pc.getStats())).then((all) => {
      let frames = 0;
      for (const stats of all)
        stats.forEach((r: RTCStats & Record<string, unknown>) => {
          if (r.type === 'inbound-rtp' && r.kind === 'video') frames += Number(r.framesDecoded ?? 0);
        });
      store().set({ stageFrames: frames });
    });
  }, 1000);
}

/** The feeds the briefing handed out to others (presenters, interpreters, invited speakers). */
const wantedFeeds = () => {
  const b = store();
  return new Set(Object.values(b.people).flatMap((p) => (p.id !== b.selfId && p.feed > 0 ? [p.feed] : [])));
};

/** Starts receiving what is on stage (through Janus; peer-to-peer links come from the presenter). */
export async function watchStage(stage: StageInfo): Promise<void> {
  sampleFrames();
  if (stage.mode !== 'sfu' || audience) return;
  audience = new SfuAudience(stage, wantedFeeds, showStreams);
  await audience.start();
  if (store().audioOnly) await audience.setAudioOnly(true);
}

/** The presenter (or the sign-language interpreter) goes on stage with camera and microphone. */
export async function publishStage(stage: StageInfo, display: string): Promise<void> {
  if (local) return;
  // A sign-language interpreter is seen, not heard: their room's sound would cover the presenter's voice.
  const signing = selfOf(store())?.role === 'interpreter';
  local = await navigator.mediaDevices.getUserMedia({
    audio: !signing,
    // A speaker and slides need no more than 15 frames a second: half the encoding, Janus's fan-out and
    // every attendee's decoding (cheap tablets). Signing keeps the camera's full rate: hands move fast.
    video: signing ? { width: 640, height: 480 } : { width: 640, height: 360, frameRate: { max: 15 } },
  });
  camera = local.getVideoTracks()[0] ?? null;
  if (stage.mode === 'sfu') {
    try {
      presenter = await publishThroughSfu(stage, display, local);
    } catch (err) {
      for (const t of local.getTracks()) t.stop();
      local = camera = null;
      throw err;
    }
  } else p2pPresent(local, Object.values(store().people), store().selfId);
  store().set({ stageLocal: local, onStage: true });
  if (signing) store().set({ interpreterRemote: local });
  await watchStage(stage); // to hear invited speakers, and for the interpreter to see the presenter
}

/** The presenter shows their screen instead of the camera (same senders, no renegotiation), or stops. */
export async function shareScreen(on: boolean): Promise<void> {
  if (!local) return;
  let track = camera;
  if (on) {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    screen = display.getVideoTracks()[0] ?? null;
    if (!screen) return;
    screen.addEventListener('ended', () => void shareScreen(false));
    track = screen;
  } else {
    screen?.stop();
    screen = null;
  }
  if (!track) return;
  const sender = presenter?.pc.getSenders().find((s) => s.track?.kind === 'video');
  await sender?.replaceTrack(track);
  await p2pReplaceVideo(track);
  local = new MediaStream([...local.getAudioTracks(), track]);
  store().set({ stageLocal: local, sharingScreen: !!screen });
}

/** An invited speaker's microphone on the stage, or off it. */
export async function speak(stage: StageInfo, on: boolean, display: string): Promise<void> {
  if (on && !microphone) {
    microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    try {
      if (stage.mode === 'sfu') speaker = await publishThroughSfu(stage, display, microphone);
      else await p2pMicrophone(microphone);
    } catch (err) {
      for (const t of microphone.getTracks()) t.stop();
      microphone = null;
      throw err;
    }
  } else if (!on && microphone) {
    speaker?.close();
    speaker = null;
    await p2pMicrophone(null);
    for (const t of microphone.getTracks()) t.stop();
    microphone = null;
  }
  store().set({ microphoneOn: !!microphone });
}

/** Who is in the briefing changed: the presenter's peer links follow, a speaker no longer invited stops. */
export function stagePeople(): void {
  const b = store();
  audience?.sync();
  p2pPeople(Object.values(b.people), b.selfId);
  const me = selfOf(b);
  if (microphone && b.stage && me && !me.speaking) void speak(b.stage, false, '');
  // Who is the interpreter may become known after their stream arrived: sort the streams again.
  if (received.length > 0) showStreams(received);
}

/** Sound and slides only: Janus stops sending this browser the stage video (a weak connection), or resumes. */
export async function setAudioOnly(on: boolean): Promise<void> {
  store().set({ audioOnly: on });
  await audience?.setAudioOnly(on);
}

export async function stopStage(): Promise<void> {
  if (statsTimer) clearInterval(statsTimer);
  statsTimer = null;
  audience?.stop();
  presenter?.close();
  speaker?.close();
  audience = presenter = speaker = null;
  p2pStop();
  received = [];
  for (const t of [...(local?.getTracks() ?? []), ...(microphone?.getTracks() ?? []), screen]) t?.stop();
  local = microphone = camera = screen = null;
  store().set({
    stageLocal: null,
    stageRemote: null,
    interpreterRemote: null,
    voices: [],
    onStage: false,
    sharingScreen: false,
    microphoneOn: false,
    stageFrames: 0,
  });
}
