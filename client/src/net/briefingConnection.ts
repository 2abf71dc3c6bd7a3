import { Client, type Room } from '@colyseus/sdk';
import type { BriefingClientMessage } from '../../../shared/protocol/index.ts';
import { BRIEFING_ROOM, type EventView } from '../../../shared/protocol/index.ts';
import type { BriefingState } from '../../../shared/state/briefingState.ts';
import { orderQuestions } from '../../../shared/briefing/questionOrder.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { serverEndpoint } from './endpoint.ts';
import { staffApi } from './staffApi.ts';
import { stopStage } from '../media/stageMedia.ts';
import type { IceServer } from '../../../shared/protocol/index.ts';

let room: Room<unknown, BriefingState> | null = null;

function mirror(r: Room<unknown, BriefingState>): void {
  const s = r.state;
  useBriefingStore.getState().set({
    selfId: r.sessionId,
    slide: s.slide,
    people: [...(s.people?.entries() ?? [])].map(([id, p]) => ({
      id,
      nickname: p.nickname,
      role: p.role,
      seat: p.seat,
      overflow: p.overflow,
      hand: p.hand,
      speaking: p.speaking,
    })),
    questions: orderQuestions(
      [...(s.questions ?? [])].map((q) => ({
        id: q.id,
        text: q.text,
        author: q.author,
        votes: q.votes,
        pinned: q.pinned,
        answered: q.answered,
        at: q.at,
      })),
    ),
  });
}

/** Joins a live briefing; staff come in with a hall pass (presenter or moderator, decided by the server). */
export async function joinBriefing(event: EventView, nickname: string, asStaff: boolean): Promise<boolean> {
  await leaveBriefing();
  const staffPass = asStaff ? await staffApi.hallPass() : null;
  try {
    const joined = await new Client(serverEndpoint()).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
      eventId: event.id,
      nickname,
      ...(staffPass ? { staffPass } : {}),
    });
    room = joined;
    useBriefingStore.getState().set({ event });
    joined.onStateChange(() => mirror(joined));
    joined.onMessage('error', () => useHallStore.getState().announce('briefing.refused'));
    joined.onMessage('stage', (m: { url?: unknown; room?: unknown; pin?: unknown; iceServers?: unknown }) => {
      if (typeof m.url === 'string' && typeof m.room === 'number' && typeof m.pin === 'string') {
        const iceServers = Array.isArray(m.iceServers) ? (m.iceServers as IceServer[]) : [];
        useBriefingStore.getState().set({ stage: { url: m.url, room: m.room, pin: m.pin, iceServers } });
      }
    });
    joined.onLeave((code) => {
      if (room === joined) room = null;
      void stopStage();
      useBriefingStore.getState().set({ event: null, people: [], questions: [], selfId: null, stage: null });
      useHallStore.getState().announce(code === 4403 ? 'briefing.removed' : 'briefing.closed');
    });
    return true;
  } catch {
    useHallStore.getState().announce('briefing.joinFailed');
    return false;
  }
}

export function sendBriefing(
  type: (typeof BriefingClientMessage)[keyof typeof BriefingClientMessage],
  payload: object,
): void {
  room?.send(type, payload);
}

export async function leaveBriefing(): Promise<void> {
  const r = room;
  room = null;
  await stopStage();
  if (r) await r.leave(true).catch(() => {});
  useBriefingStore.getState().set({ event: null, people: [], questions: [], selfId: null, stage: null });
}
