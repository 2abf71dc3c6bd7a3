import { Callbacks, CloseCode, type Client, type Room } from '@colyseus/sdk';
import { ConsultationProtocol, type ConsultationInvite } from '../../../shared/protocol/index.ts';
import { receiver, speaker } from './typedRoom.ts';

const toRoom = speaker(ConsultationProtocol);
const onRoom = receiver(ConsultationProtocol);
import type { ConsultationState } from '../../../shared/state/consultationState.ts';
import { useQueueStore, type ConsultationView } from '../store/queueStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useMediaStore } from '../store/mediaStore.ts';
import {
  configureMedia,
  expectFromOther,
  receiveSignal,
  restartLink,
  resumeMedia,
  sendingMode,
  setPeer,
  stopMedia,
} from '../media/consultationMedia.ts';
import { reconnectBriefly } from './reconnectPolicy.ts';
import { clearResume, readResume, saveResume, type ResumeInfo } from './consultationResume.ts';

type ConsultationRoom = Room<unknown, ConsultationState>;
let room: ConsultationRoom | null = null;

/**
 * The room could not be reached again (its server process died, or we were away too long): the hall
 * is asked for a new seat, and what we were sending is switched on again there.
 */
let lostHandler: () => void = () => {};
let lostMedia: ResumeInfo['media'] = null;
let returning = false;
/** The person left the hall: a consultation lost earlier is not to be returned to. */
export function forgetLostConsultation(): void {
  lostMedia = null;
  returning = false;
}
export function onConsultationLost(handler: () => void): void {
  lostHandler = handler;
}
function lost(media: ResumeInfo['media']): void {
  lostMedia = media;
  returning = true;
  useHallStore.getState().announce('consult.reconnecting');
  lostHandler();
}

function snapshot(r: ConsultationRoom): ConsultationView {
  const s = r.state;
  return {
    ticketNumber: s.ticketNumber,
    counterId: s.counterId,
    participants: [...(s.participants?.entries() ?? [])].map(([id, p]) => ({
      id,
      role: p.role,
      nickname: p.nickname,
      connected: p.connected,
      audio: p.audio,
      video: p.video,
      screen: p.screen,
    })),
    lines: [...(s.lines ?? [])].map((l) => ({
      role: l.role,
      nickname: l.nickname,
      text: l.text,
      at: l.at,
      url: l.url,
      procedureId: l.procedureId,
    })),
    ended: s.ended,
  };
}

/** Joins the private room with the seat the server reserved for us; mirrors it into the queue store. */
export async function enterConsultation(client: Client, invite: ConsultationInvite): Promise<void> {
  await leaveConsultation();
  const joined = await client.consumeSeatReservation<ConsultationState>(JSON.parse(invite.token));
  const media = lostMedia;
  const back = returning;
  lostMedia = null;
  returning = false;
  wire(joined, { role: invite.role, iceServers: invite.iceServers, token: '', media });
  useHallStore.getState().announce(back ? 'consult.resumed' : 'consult.entered');
}

/**
 * After a reload: back into the consultation this tab was in, while the room still holds its seat
 * (the reconnection grace), with camera and microphone as they were.
 */
export async function resumeConsultation(client: Client, asStaff: boolean): Promise<void> {
  const saved = readResume();
  if (!saved || room) return;
  // Only the same kind of person takes the seat back: a tab now used by someone else forgets it.
  if ((saved.role === 'staff') !== asStaff) return clearResume();
  let joined: ConsultationRoom;
  try {
    joined = await client.reconnect<ConsultationState>(saved.token);
  } catch {
    // The seat is gone (the room's process died, or the grace ran out): ask for a new one.
    clearResume();
    lost(saved.media);
    return;
  }
  wire(joined, saved);
  useHallStore.getState().announce('consult.resumed');
}

function wire(joined: ConsultationRoom, info: ResumeInfo): void {
  room = joined;
  reconnectBriefly(joined);
  const remember = () => {
    if (room === joined) saveResume({ ...info, token: joined.reconnectionToken, media: sendingMode() });
  };
  remember();
  const unwatchMedia = useMediaStore.subscribe((s, prev) => {
    if (s.phase !== prev.phase || s.video !== prev.video || s.audio !== prev.audio) remember();
  });
  configureMedia({
    iceServers: info.iceServers,
    // The resident yields when both sides offer at once (perfect negotiation needs exactly one polite side).
    polite: info.role === 'resident',
    sendSignal: (to, signal) => toRoom(joined, 'signal', { to, ...signal }),
    sendMediaState: (m) => toRoom(joined, 'mediaState', m),
  });
  const push = () => {
    if (room !== joined) return;
    const view = snapshot(joined);
    useQueueStore.getState().setConsultation(view);
    // The other person stays our peer while they are away: their connection may come back by itself.
    const other = view.participants.find((p) => p.id !== joined.sessionId);
    if (view.participants.some((p) => p.id === joined.sessionId)) setPeer(other?.id ?? null);
    expectFromOther(!!other?.video, !!other?.audio);
  };
  onRoom(joined, 'signal', ({ from, link, peer, description, candidate }) => {
    // A late candidate for a connection already replaced is harmless: negotiation recovers by itself.
    receiveSignal(from, { link, peer, description, candidate }).catch((err: unknown) =>
      console.warn('signalling:', err),
    );
  });
  const $ = Callbacks.get(joined);
  $.onAdd('participants', () => push());
  $.onRemove('participants', () => push());
  $.onAdd('lines', () => push());
  // Once ended, nothing is sent any more (the room refuses signals); the chat and rating stay.
  $.listen('ended', (ended) => {
    if (ended) stopMedia();
    push();
  });
  joined.onStateChange(() => push());
  onRoom(joined, 'ended', () => {
    useHallStore.getState().announce('consult.ended');
    push();
  });
  onRoom(joined, 'error', (m) => {
    // Signalling refusals are repaired by the media code; only a refused chat line is the person's business.
    if (m.type === 'chat') useHallStore.getState().announce('consult.chatRefused');
  });
  onRoom(joined, 'rated', () => {
    useQueueStore.getState().setRated(true);
    useHallStore.getState().announce('rating.thanks');
  });
  // Offers or candidates sent while our socket was down are lost: both sides start a new connection.
  joined.onReconnect(() => {
    remember();
    restartLink();
  });
  joined.onLeave((code) => {
    unwatchMedia();
    if (room !== joined) return;
    room = null;
    const media = sendingMode();
    const ended = !!joined.state?.ended;
    clearResume();
    stopMedia();
    useQueueStore.getState().setConsultation(null);
    if (code === CloseCode.FAILED_TO_RECONNECT && !ended) lost(media);
  });
  push();
  const resume = info.media;
  // The state (is it still running?) arrives a moment after joining.
  if (resume) joined.onStateChange.once(() => void (!joined.state.ended && resumeMedia(resume)));
}

/** This tab is no longer the person who was in a consultation (left, refused, someone else entering). */
export function forgetConsultation(): void {
  clearResume();
}

export function sendChat(text: string): void {
  toRoom(room, 'chat', { text });
}

export function shareProcedure(procedureId: string): void {
  toRoom(room, 'shareProcedure', { procedureId });
}

export function rateConsultation(rating: number, comment: string): void {
  toRoom(room, 'rate', { rating, comment });
}

/** Either side may end the consultation; the room closes when both have left. */
export function endConsultation(): void {
  toRoom(room, 'end', {});
}

export async function leaveConsultation(): Promise<void> {
  const r = room;
  room = null;
  clearResume();
  stopMedia();
  if (r) await r.leave(true).catch(() => {});
  useQueueStore.getState().setConsultation(null);
}

/** For tests and diagnostics only: the consultation room's WebSocket address ('' when none). */
export function consultationAddress(): string {
  return (room?.connection as unknown as { transport?: { ws?: WebSocket } })?.transport?.ws?.url ?? '';
}
