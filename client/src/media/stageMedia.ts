import type { IceServer } from '../../../shared/protocol/index.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { JanusSession } from './janusSession.ts';

export interface StageMediaInfo {
  url: string;
  room: number;
  pin: string;
  iceServers: IceServer[];
}

let session: JanusSession | null = null;
let pc: RTCPeerConnection | null = null;
let local: MediaStream | null = null;
let watchTimer: ReturnType<typeof setInterval> | null = null;
let statsTimer: ReturnType<typeof setInterval> | null = null;

const store = () => useBriefingStore.getState();

function sampleFrames(): void {
  statsTimer = setInterval(() => {
    void pc?.getStats().then((stats) => {
      let frames = 0;
      stats.forEach((r: RTCStats & Record<string, unknown>) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') frames += Number(r.framesDecoded ?? 0);
      });
      store().set({ stageFrames: frames });
    });
  }, 1000);
}

/** The presenter sends camera and microphone to the event's Janus VideoRoom (the SFU fans it out). */
export async function publishStage(info: StageMediaInfo, display: string): Promise<void> {
  await stopStage();
  local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
  session = await JanusSession.create(info.url);
  const handle = await session.attach();
  await handle.send({ request: 'join', ptype: 'publisher', room: info.room, pin: info.pin, display });
  pc = new RTCPeerConnection({ iceServers: info.iceServers });
  for (const t of local.getTracks()) pc.addTransceiver(t, { direction: 'sendonly', streams: [local] });
  pc.onicecandidate = ({ candidate }) => handle.trickle(candidate ? candidate.toJSON() : null);
  await pc.setLocalDescription(await pc.createOffer());
  const answer = await handle.send(
    { request: 'configure', audio: true, video: true },
    pc.localDescription!.toJSON(),
  );
  if (answer.jsep) await pc.setRemoteDescription(answer.jsep);
  store().set({ stageLocal: local, onStage: true });
}

/** An attendee watches the stage: waits for a publisher, then subscribes to it through Janus. */
export async function watchStage(info: StageMediaInfo): Promise<void> {
  await stopStage();
  session = await JanusSession.create(info.url);
  const lister = await session.attach();
  const subscribe = async (feed: number) => {
    if (watchTimer) clearInterval(watchTimer);
    watchTimer = null;
    const handle = await session!.attach();
    const offer = await handle.send({
      request: 'join',
      ptype: 'subscriber',
      room: info.room,
      pin: info.pin,
      streams: [{ feed }],
    });
    pc = new RTCPeerConnection({ iceServers: info.iceServers });
    const remote = new MediaStream();
    pc.ontrack = ({ track }) => {
      remote.addTrack(track);
      store().set({ stageRemote: new MediaStream(remote.getTracks()) });
    };
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate ? candidate.toJSON() : null);
    await pc.setRemoteDescription(offer.jsep!);
    await pc.setLocalDescription(await pc.createAnswer());
    await handle.send({ request: 'start', room: info.room }, pc.localDescription!.toJSON());
    sampleFrames();
  };
  const look = async () => {
    const r = await lister.send({ request: 'listparticipants', room: info.room }).catch(() => null);
    const list = (r?.plugindata?.data.participants ?? []) as { id: number; publisher: boolean }[];
    const feed = list.find((p) => p.publisher);
    if (feed && watchTimer) await subscribe(feed.id);
  };
  watchTimer = setInterval(() => void look(), 1500);
  await look();
}

export async function stopStage(): Promise<void> {
  if (watchTimer) clearInterval(watchTimer);
  if (statsTimer) clearInterval(statsTimer);
  watchTimer = statsTimer = null;
  pc?.close();
  pc = null;
  for (const t of local?.getTracks() ?? []) t.stop();
  local = null;
  session?.destroy();
  session = null;
  store().set({ stageLocal: null, stageRemote: null, onStage: false, stageFrames: 0 });
}
