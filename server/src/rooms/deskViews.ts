import { CounterState } from '../../../shared/state/hallState.ts';
import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import { isOpenAt, nextOpening } from '../../../shared/hours/openingHours.ts';
import {
  ServerMessage,
  type CounterStatus,
  type StaffQueueView,
  type TicketView,
} from '../../../shared/protocol/index.ts';
import type { Ticket } from '../services/queueTicket.ts';
import type { DeskDeps, DeskHost } from './queueDesk.ts';
import type { DeskSessions } from './deskSessions.ts';

/**
 * What the desk shows: every counter's public state in the hall state, and each person's own view (a
 * resident their ticket, staff their counter's queue), sent only when it changed.
 */
export function deskViews(
  host: DeskHost,
  deps: Pick<DeskDeps, 'hall' | 'queue' | 'ignoreHours' | 'callGraceMs'>,
  sessions: DeskSessions,
  /** Staff-set status per counter, while staff are on duty there. */
  chosen: ReadonlyMap<string, CounterStatus>,
) {
  const { hall, queue } = deps;
  const hoursOf = (c: Counter) => c.openingHours ?? hall.layout.openingHours;
  const withinHours = (c: Counter, now: number) =>
    deps.ignoreHours || isOpenAt(hoursOf(c), new Date(now), hall.layout.timeZone);
  const ticketView = (t: Ticket, now: number): TicketView => {
    const status = host.state.counters.get(t.counterId)?.status;
    const counter = {
      staffOnDuty: sessions.staffCountAt(t.counterId),
      serving: status === 'open' || status === 'busy',
    };
    return queue.view(t, counter, deps.callGraceMs, now);
  };

  /** Recomputes every counter's public state, writing only what changed. */
  function refresh(now: number): void {
    for (const c of hall.layout.counters) {
      let s = host.state.counters.get(c.id);
      if (!s) {
        s = new CounterState();
        host.state.counters.set(c.id, s);
      }
      const inHours = withinHours(c, now);
      const onDuty = sessions.staffCountAt(c.id);
      const status: CounterStatus = !inHours || onDuty === 0 ? 'closed' : (chosen.get(c.id) ?? 'open');
      if (s.status !== status) s.status = status;
      if (s.staffOnDuty !== onDuty) s.staffOnDuty = onDuty;
      const waiting = queue.waitingCount(c.id);
      if (s.waiting !== waiting) s.waiting = waiting;
      if (s.withinHours !== inHours) s.withinHours = inHours;
      const opens = inHours
        ? ''
        : (nextOpening(hoursOf(c), new Date(now), hall.layout.timeZone)?.toISOString() ?? '');
      if (s.opensAt !== opens) s.opensAt = opens;
    }
  }

  const lastSent = new Map<string, string>();
  /** Sends each connected person their own view, only when it changed. */
  function notify(now: number): void {
    const present = sessions.presentKeys();
    for (const [sid, p] of host.sessions()) {
      let message: unknown;
      let type: string;
      if (p.kind === 'resident') {
        const t = queue.ticketOf(p.residentKey);
        type = ServerMessage.ticket;
        message = t ? ticketView(t, now) : null;
      } else {
        const counterId = host.state.avatars.get(sid)?.counterId || null;
        const current = queue.staffTicket(p.profile.id);
        const view: StaffQueueView = {
          counterId,
          entries: counterId ? queue.entries(counterId, present) : [],
          current: current ? queue.toEntry(current, present) : null,
        };
        type = ServerMessage.staffQueue;
        message = view;
      }
      const text = JSON.stringify(message);
      if (lastSent.get(sid) !== text) {
        lastSent.set(sid, text);
        host.send(sid, type, message);
      }
    }
  }

  return {
    withinHours,
    update(now = Date.now()): void {
      refresh(now);
      notify(now);
    },
    forget: (sessionId: string) => lastSent.delete(sessionId),
  };
}
