import { Callbacks, type Client, type Room } from '@colyseus/sdk';
import {
  ConsultationClientMessage,
  ConsultationServerMessage,
  type ConsultationInvite,
} from '../../../shared/protocol/index.ts';
import type { ConsultationState } from '../../../shared/state/consultationState.ts';
import { useQueueStore, type ConsultationView } from '../store/queueStore.ts';
import { useHallStore } from '../store/hallStore.ts';

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
    })),
    lines: [...(s.lines ?? [])].map((l) => ({ role: l.role, nickname: l.nickname, text: l.text, at: l.at })),
    ended: s.ended,
  };
}

/** Joins the private room with the seat the server reserved for us; mirrors it into the queue store. */
export async function enterConsultation(client: Client, invite: ConsultationInvite): Promise<void> {
  await leaveConsultation();
  const joined = await client.consumeSeatReservation<ConsultationState>(JSON.parse(invite.token));
  room = joined;
  const push = () => useQueueStore.getState().setConsultation(snapshot(joined));
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
  joined.onLeave(() => {
    if (room === joined) room = null;
    useQueueStore.getState().setConsultation(null);
  });
  push();
}

export function sendChat(text: string): void {
  room?.send(ConsultationClientMessage.chat, { text });
}

export async function leaveConsultation(): Promise<void> {
  const r = room;
  room = null;
  if (r) await r.leave(true).catch(() => {});
  useQueueStore.getState().setConsultation(null);
}
