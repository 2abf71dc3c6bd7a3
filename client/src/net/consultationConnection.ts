import { Callbacks, type Client, type Room } from '@colyseus/sdk';
import {
  ConsultationClientMessage,
  ConsultationServerMessage,
  type ConsultationInvite,
} from '../../../shared/protocol/index.ts';
import type { ConsultationState } from '../../../shared/state/consultationState.ts';
import { useQueueStore, type ConsultationView } from '../store/queueStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { configureMedia, receiveSignal, setPeer, stopMedia } from '../media/consultationMedia.ts';
import type { Signal } from '../media/peerLink.ts';

let room: Room<unknown, ConsultationState> | null = null;

function snapshot(r: Room<unknown, ConsultationState>): ConsultationView {
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
    })),
    ended: s.ended,
  };
}

/** Joins the private room with the seat the server reserved for us; mirrors it into the queue store. */
export async function enterConsultation(client: Client, invite: ConsultationInvite): Promise<void> {
  await leaveConsultation();
  const joined = await client.consumeSeatReservation<ConsultationState>(JSON.parse(invite.token));
  room = joined;
  const me = () => joined.state.participants?.get(joined.sessionId);
  configureMedia({
    iceServers: invite.iceServers,
    // The resident yields when both sides offer at once (perfect negotiation needs exactly one polite side).
    polite: invite.role === 'resident',
    sendSignal: (to, signal) => joined.send(ConsultationClientMessage.signal, { to, ...signal }),
    sendMediaState: (m) => joined.send(ConsultationClientMessage.mediaState, m),
  });
  const push = () => {
    const view = snapshot(joined);
    useQueueStore.getState().setConsultation(view);
    const other = view.participants.find((p) => p.id !== joined.sessionId && p.connected);
    if (me()) setPeer(other?.id ?? null);
  };
  joined.onMessage(ConsultationServerMessage.signal, (m: Signal & { from?: unknown }) => {
    if (typeof m?.from !== 'string') return;
    // A late candidate for a connection already replaced is harmless: negotiation recovers by itself.
    receiveSignal(m.from, { description: m.description, candidate: m.candidate }).catch((err: unknown) =>
      console.warn('signalling:', err),
    );
  });
  const $ = Callbacks.get(joined);
  $.onAdd('participants', () => push());
  $.onRemove('participants', () => push());
  $.onAdd('lines', () => push());
  $.listen('ended', () => push());
  joined.onStateChange(() => push());
  joined.onMessage(ConsultationServerMessage.ended, () => {
    useHallStore.getState().announce('consult.ended');
    push();
  });
  joined.onMessage(ConsultationServerMessage.error, () =>
    useHallStore.getState().announce('consult.chatRefused'),
  );
  joined.onMessage(ConsultationServerMessage.rated, () => {
    useQueueStore.getState().setRated(true);
    useHallStore.getState().announce('rating.thanks');
  });
  joined.onLeave(() => {
    if (room === joined) room = null;
    stopMedia();
    useQueueStore.getState().setConsultation(null);
  });
  push();
}

export function sendChat(text: string): void {
  room?.send(ConsultationClientMessage.chat, { text });
}

export function shareProcedure(procedureId: string): void {
  room?.send(ConsultationClientMessage.shareProcedure, { procedureId });
}

export function rateConsultation(rating: number, comment: string): void {
  room?.send(ConsultationClientMessage.rate, { rating, comment });
}

/** Either side may end the consultation; the room closes when both have left. */
export function endConsultation(): void {
  room?.send(ConsultationClientMessage.end, {});
}

export async function leaveConsultation(): Promise<void> {
  const r = room;
  room = null;
  stopMedia();
  if (r) await r.leave(true).catch(() => {});
  useQueueStore.getState().setConsultation(null);
}
