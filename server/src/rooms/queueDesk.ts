import type { HallState } from '../../../shared/state/hallState.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import { can, type StaffProfile } from '../../../shared/auth/roles.ts';
import { ServerMessage, type CounterStatus } from '../../../shared/protocol/index.ts';
import type { QueueService } from '../services/queueService.ts';
import { QueueError, type Ticket } from '../services/queueTicket.ts';
import type { ConsultationService } from './consultationInvites.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { RecordService } from '../services/recordService.ts';
import type { BookingService } from '../services/bookingService.ts';
import type { Logger } from '../logger.ts';
import { DeskError } from './roomRefusal.ts';
import { deskSessions } from './deskSessions.ts';
import { deskViews } from './deskViews.ts';

export type Person =
  { kind: 'resident'; residentKey: string; nickname: string } | { kind: 'staff'; profile: StaffProfile };

/** What the desk needs from the room it lives in. */
export interface DeskHost {
  readonly state: HallState;
  send(sessionId: string, type: string, message: unknown): void;
  person(sessionId: string): Person | undefined;
  sessions(): Iterable<[string, Person]>;
  /** Moves an avatar (server authority) and tells its client. */
  place(sessionId: string, at: readonly [number, number]): void;
  setConsulting(sessionId: string, consulting: boolean): void;
  setCounter(sessionId: string, counterId: string): void;
}

export interface DeskDeps {
  hall: Hall;
  queue: QueueService;
  consultations: ConsultationService;
  catalog: CatalogService;
  records: RecordService;
  bookings: BookingService;
  log: Logger;
  ignoreHours: boolean;
  callGraceMs: number;
  ticketGraceMs: number;
}

/**
 * Counters, staff on duty and the queue, mirrored into the hall state. Residents are told about their
 * own ticket only; staff about their counter's queue only. Order, calls and transfers are decided
 * by the queue service, never by a client.
 */
export function createQueueDesk(host: DeskHost, deps: DeskDeps) {
  const { hall, queue } = deps;
  const counters = new Map(hall.layout.counters.map((c) => [c.id, c]));
  /** Staff-set status per counter, while staff are on duty there. */
  const chosen = new Map<string, CounterStatus>();

  const sessions = deskSessions(host);
  const { staffAt, presentKeys, ofResident: sessionOfResident, ofStaff: sessionOfStaff } = sessions;
  const views = deskViews(host, deps, sessions, chosen);
  const { update, withinHours } = views;

  function counterOrThrow(id: string): Counter {
    const c = counters.get(id);
    if (!c) throw new DeskError('noSuchCounter', `no counter "${id}"`);
    return c;
  }

  function staffOf(sessionId: string): StaffProfile {
    const p = host.person(sessionId);
    if (p?.kind !== 'staff') throw new DeskError('forbidden', 'staff only');
    return p.profile;
  }

  function residentOf(sessionId: string): Extract<Person, { kind: 'resident' }> {
    const p = host.person(sessionId);
    if (p?.kind !== 'resident') throw new DeskError('forbidden', 'residents only');
    return p;
  }

  function counterOfStaff(sessionId: string): Counter {
    const id = host.state.avatars.get(sessionId)?.counterId;
    if (!id) throw new DeskError('notAtCounter', 'take a counter first');
    return counterOrThrow(id);
  }

  async function openConsultation(t: Ticket, residentSid: string): Promise<void> {
    const staffSid = t.staffId === null ? undefined : sessionOfStaff(t.staffId);
    const resident = host.person(residentSid);
    const staff = staffSid ? host.person(staffSid) : undefined;
    if (!staffSid || resident?.kind !== 'resident' || staff?.kind !== 'staff') return;
    await deps.records.open(t, staff.profile.id);
    const invites = await deps.consultations.open(t, resident.nickname, staff.profile.displayName);
    host.setConsulting(residentSid, true);
    host.setConsulting(staffSid, true);
    host.send(residentSid, ServerMessage.consultation, invites.resident);
    host.send(staffSid, ServerMessage.consultation, invites.staff);
  }

  /** After a consultation: the resident stands at the counter again, the staff member behind it. */
  function endConsultation(t: Ticket, reason: 'done' | 'transferred' | 'noShow'): void {
    deps.consultations.end(t.id, reason);
    const counter = counters.get(t.transferFrom && reason === 'transferred' ? t.transferFrom : t.counterId);
    const residentSid = sessionOfResident(t.residentKey);
    if (residentSid && host.state.avatars.get(residentSid)?.consulting) {
      host.setConsulting(residentSid, false);
      if (counter) host.place(residentSid, counter.serviceSpot);
    }
    const staffSid = t.staffId === null ? undefined : sessionOfStaff(t.staffId);
    if (staffSid) host.setConsulting(staffSid, false);
  }

  return {
    update,
    /** The hall session of the resident with this key, if connected. */
    sessionOfResident,

    /** Runs every second: lapsed calls become no-shows (and the next resident is called), absent residents lose their number. */
    async tick(now = Date.now()): Promise<void> {
      const lapsed = await queue.expireCalls(now, deps.callGraceMs);
      for (const t of lapsed) {
        endConsultation(t, 'noShow');
        if (t.staffId !== null && sessionOfStaff(t.staffId)) {
          await queue.callNext(t.counterId, t.staffId, now).catch((e: unknown) => {
            if (!(e instanceof QueueError)) throw e;
          });
        }
      }
      await queue.expireAbsent(presentKeys(), now, deps.ticketGraceMs);
      update(now);
    },

    /** A resident entered (or came back after a reload: then they are still in their consultation). */
    residentJoined(sessionId: string, residentKey: string, now = Date.now()): void {
      queue.seen(residentKey, now);
      const t = queue.ticketOf(residentKey);
      if (t?.status === 'serving' && deps.consultations.roomOf(t.id)) host.setConsulting(sessionId, true);
      update(now);
    },

    /** Staff entered: after a reload in the middle of a consultation they are back at its counter. */
    staffJoined(sessionId: string, staffId: number, now = Date.now()): void {
      const t = queue.staffTicket(staffId);
      if (t) {
        const counter = counters.get(t.counterId);
        host.setCounter(sessionId, t.counterId);
        if (counter) host.place(sessionId, counter.staffSpot);
        if (!chosen.has(t.counterId)) chosen.set(t.counterId, 'open');
        if (t.status === 'serving' && deps.consultations.roomOf(t.id)) host.setConsulting(sessionId, true);
      }
      update(now);
    },

    personLeft(person: Person, now = Date.now()): void {
      if (person.kind === 'resident') queue.seen(person.residentKey, now);
      for (const id of [...chosen.keys()]) if (staffAt(id).length === 0) chosen.delete(id);
      update(now);
    },

    takeTicket(sessionId: string, counterId: string, procedureId: string | undefined, now = Date.now()) {
      const resident = residentOf(sessionId);
      const counter = counterOrThrow(counterId);
      if (procedureId) {
        const p = deps.catalog.get().procedures.find((x) => x.id === procedureId);
        const dept = p && deps.catalog.get().departments.find((d) => d.id === p.departmentId);
        if (!p || dept?.counterId !== counter.id) {
          throw new DeskError(
            'noSuchProcedure',
            `"${procedureId}" is not handled at counter ${counter.number}`,
          );
        }
      }
      if (host.state.counters.get(counter.id)?.status === 'closed') {
        throw new DeskError('counterClosed', `counter ${counter.number} is closed`);
      }
      return queue
        .take(
          { counterId: counter.id, procedureId: procedureId ?? null, residentKey: resident.residentKey },
          now,
        )
        .then(() => update(now));
    },

    /** A booked resident checks in at the counter: a number that goes before walk-ins. */
    async checkIn(sessionId: string, code: string, now = Date.now()) {
      const resident = residentOf(sessionId);
      if (queue.ticketOf(resident.residentKey)) {
        throw new QueueError('alreadyQueued', 'you already hold a number; give it up to check in');
      }
      const counterId = await deps.bookings.counterOf(code);
      const booking = await deps.bookings.checkIn(code, counterId, now);
      await queue.take(
        {
          counterId,
          procedureId: booking.procedureId,
          residentKey: resident.residentKey,
          priority: 0,
          bookingCode: code,
        },
        now,
      );
      update(now);
    },

    async leaveQueue(sessionId: string, now = Date.now()) {
      await queue.leave(residentOf(sessionId).residentKey, now);
      update(now);
    },

    async answerCall(sessionId: string, now = Date.now()) {
      const t = await queue.answer(residentOf(sessionId).residentKey, now);
      await openConsultation(t, sessionId);
      update(now);
    },

    takeCounter(sessionId: string, counterId: string, now = Date.now()): void {
      if (!can(staffOf(sessionId).role, 'workCounter')) {
        throw new DeskError('forbidden', 'your role does not work counters');
      }
      if (queue.staffTicket(staffOf(sessionId).id)) {
        throw new DeskError('alreadyServing', 'finish the current resident before changing counters');
      }
      const counter = counterOrThrow(counterId);
      host.setCounter(sessionId, counter.id);
      host.place(sessionId, counter.staffSpot);
      if (!chosen.has(counter.id)) chosen.set(counter.id, 'open');
      update(now);
    },

    leaveCounter(sessionId: string, now = Date.now()): void {
      const profile = staffOf(sessionId);
      const counter = counterOfStaff(sessionId);
      if (queue.staffTicket(profile.id)) {
        throw new DeskError('alreadyServing', 'finish the current resident before leaving the counter');
      }
      host.setCounter(sessionId, '');
      host.place(sessionId, counter.serviceSpot);
      if (staffAt(counter.id).length === 0) chosen.delete(counter.id);
      update(now);
    },

    setStatus(sessionId: string, status: CounterStatus, now = Date.now()): void {
      staffOf(sessionId);
      const counter = counterOfStaff(sessionId);
      if (status !== 'closed' && !withinHours(counter, now)) {
        throw new DeskError('outsideHours', `counter ${counter.number} is outside its opening hours`);
      }
      chosen.set(counter.id, status);
      update(now);
    },

    async callNext(sessionId: string, now = Date.now()) {
      const profile = staffOf(sessionId);
      const counter = counterOfStaff(sessionId);
      await queue.callNext(counter.id, profile.id, now);
      update(now);
    },

    async markDone(sessionId: string, ticketId: number, now = Date.now()) {
      const t = await queue.done(ticketId, staffOf(sessionId).id, now);
      endConsultation(t, 'done');
      update(now);
    },

    async markNoShow(sessionId: string, ticketId: number, now = Date.now()) {
      const t = await queue.noShow(ticketId, staffOf(sessionId).id, now);
      endConsultation(t, 'noShow');
      update(now);
    },

    async transfer(sessionId: string, ticketId: number, toCounterId: string, note: string, now = Date.now()) {
      const profile = staffOf(sessionId);
      counterOrThrow(toCounterId);
      const t = await queue.transfer(ticketId, profile.id, toCounterId, note, now);
      endConsultation(t, 'transferred');
      update(now);
    },

    /**
     * Someone ended the consultation in its room: the ticket is done (as if staff had pressed "done"), so
     * the console offers the next person. Every hall room hears this; the first one finishes the ticket.
     */
    async finishFromRoom(ticketId: number, now = Date.now()): Promise<void> {
      const t = queue.activeTickets().find((x) => x.id === ticketId);
      if (!t || t.status !== 'serving' || t.staffId === null) return;
      try {
        await queue.done(ticketId, t.staffId, now);
      } catch (err) {
        // Transferred meanwhile, or another hall room finished it first: only bring the views up to date.
        if (!(err instanceof QueueError)) throw err;
        update(now);
        return;
      }
      endConsultation(t, 'done');
      update(now);
    },

    /** The consultation room closed by itself (both left): nobody is shown as consulting any more. */
    consultationClosed(ticketId: number): void {
      const t = queue.activeTickets().find((x) => x.id === ticketId);
      if (t) {
        const sid = sessionOfResident(t.residentKey);
        if (sid) host.setConsulting(sid, false);
        if (t.staffId !== null) {
          const staffSid = sessionOfStaff(t.staffId);
          if (staffSid) host.setConsulting(staffSid, false);
        }
      }
    },

    forgetSession(sessionId: string): void {
      views.forget(sessionId);
    },
  };
}
export type QueueDesk = ReturnType<typeof createQueueDesk>;
