import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import { isOpenAt, nextOpening } from '../../../shared/hours/openingHours.ts';
import { type CounterStatus, type StaffQueueView, type TicketView } from '../../../shared/protocol/index.ts';
import type { Ticket } from '../services/queueTicket.ts';
import { BOARD_NUMBERS } from '../../../shared/state/numberBoard.ts';
import type { CounterView, DeskDeps, DeskRoomPort, StaffOnDuty } from './deskTypes.ts';
import type { DeskPresence, LocalMember, Member } from './deskPresence.ts';

const memberKey = (m: Member) => `${m.roomId} ${m.sessionId}`;

/**
 * What the desk shows, to every hall room: each counter's public state, who is on duty where, how many
 * are in the building; and to each person their own view (a resident their ticket, staff their
 * counter's queue). Everything is sent only when it changed.
 */
export function deskViews(
  deps: Pick<DeskDeps, 'hall' | 'queue' | 'ignoreHours' | 'callGraceMs'>,
  presence: DeskPresence,
  rooms: ReadonlyMap<string, DeskRoomPort>,
  /** Staff-set status per counter, while staff are on duty there (shared by all processes). */
  chosen: ReadonlyMap<string, CounterStatus>,
) {
  const { hall, queue } = deps;
  const hoursOf = (c: Counter) => c.openingHours ?? hall.layout.openingHours;
  const withinHours = (c: Counter, now: number) =>
    deps.ignoreHours || isOpenAt(hoursOf(c), new Date(now), hall.layout.timeZone);

  const counters = new Map<string, CounterView>();
  let staffList = '[]';
  let building = -1;
  const lastSent = new Map<string, string>();

  function counterView(c: Counter, now: number): CounterView {
    const inHours = withinHours(c, now);
    const onDuty = presence.staffCountAt(c.id);
    return {
      status: !inHours || onDuty === 0 ? 'closed' : (chosen.get(c.id) ?? 'open'),
      staffOnDuty: onDuty,
      waiting: queue.waitingCount(c.id),
      calling: queue.calling(c.id, BOARD_NUMBERS),
      withinHours: inHours,
      opensAt: inHours
        ? ''
        : (nextOpening(hoursOf(c), new Date(now), hall.layout.timeZone)?.toISOString() ?? ''),
    };
  }

  /** Recomputes every counter's public state; returns those that changed. */
  function refreshCounters(now: number): Map<string, CounterView> {
    const changed = new Map<string, CounterView>();
    for (const c of hall.serviceDesks) {
      const next = counterView(c, now);
      const before = counters.get(c.id);
      if (!before || JSON.stringify(before) !== JSON.stringify(next)) {
        counters.set(c.id, next);
        changed.set(c.id, next);
      }
    }
    return changed;
  }

  function ticketView(t: Ticket, now: number): TicketView {
    const status = counters.get(t.counterId)?.status;
    const counter = {
      staffOnDuty: presence.staffCountAt(t.counterId),
      serving: status === 'open' || status === 'busy',
    };
    return queue.view(t, counter, deps.callGraceMs, now);
  }

  /** A person's own view: a resident's ticket, or a staff member's queue. */
  type View =
    { type: 'ticket'; message: TicketView | null } | { type: 'staffQueue'; message: StaffQueueView };
  function viewOf(m: LocalMember, present: ReadonlySet<string>, now: number): View {
    if (m.person.kind === 'resident') {
      const t = queue.ticketOf(m.person.residentKey);
      return { type: 'ticket', message: t ? ticketView(t, now) : null };
    }
    const current = queue.staffTicket(m.person.profile.id);
    const view: StaffQueueView = {
      counterId: m.counterId || null,
      entries: m.counterId ? queue.entries(m.counterId, present) : [],
      current: current ? queue.toEntry(current, present) : null,
    };
    return { type: 'staffQueue', message: view };
  }

  function onDuty(): StaffOnDuty[] {
    const list: StaffOnDuty[] = [];
    for (const m of presence.everyone()) {
      if (m.person.kind !== 'staff' || !m.counterId) continue;
      list.push({
        staffId: m.person.profile.id,
        roomId: m.roomId,
        sessionId: m.sessionId,
        name: m.person.profile.displayName,
        counterId: m.counterId,
        consulting: m.consulting,
      });
    }
    return list.sort((a, b) => a.staffId - b.staffId || a.sessionId.localeCompare(b.sessionId));
  }

  return {
    withinHours,
    /** A counter's public state as last computed. */
    counter: (id: string): CounterView | undefined => counters.get(id),
    /** Brings every room and every person up to date with the desk; sends only what changed. */
    update(now = Date.now()): void {
      const changed = refreshCounters(now);
      if (changed.size > 0) for (const r of rooms.values()) r.counters(changed);
      const list = onDuty();
      const listText = JSON.stringify(list);
      if (listText !== staffList) {
        staffList = listText;
        for (const r of rooms.values()) r.staffOnDuty(list);
      }
      if (presence.size() !== building) {
        building = presence.size();
        for (const r of rooms.values()) r.building(building);
      }
      const present = presence.presentKeys();
      // Each process sends its own people their views; the others do the same for theirs.
      for (const m of presence.local()) {
        const view = viewOf(m, present, now);
        const text = JSON.stringify(view.message);
        const k = memberKey(m);
        if (lastSent.get(k) !== text) {
          lastSent.set(k, text);
          if (view.type === 'ticket') m.room.send(m.sessionId, 'ticket', view.message);
          else m.room.send(m.sessionId, 'staffQueue', view.message);
        }
      }
    },
    /** A room attaching gets everything as it is now. */
    greet(room: DeskRoomPort): void {
      room.counters(counters);
      room.staffOnDuty(JSON.parse(staffList) as StaffOnDuty[]);
      room.building(Math.max(0, building));
    },
    /** Sends this person's view afresh next time (they reconnected: messages meanwhile were lost). */
    forget: (m: LocalMember) => lastSent.delete(memberKey(m)),
  };
}
export type DeskViews = ReturnType<typeof deskViews>;
