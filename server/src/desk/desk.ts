import type { Language } from '../../../shared/i18n/languages.ts';
import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import { INFO_DESK_ID } from '../../../shared/layout/infoDeskCounter.ts';
import type { HandoverLine } from '../../../shared/protocol/queue.ts';
import { can, type StaffProfile } from '../../../shared/auth/roles.ts';
import type { ConsultationInvite, CounterStatus } from '../../../shared/protocol/index.ts';
import type { Ticket } from '../services/queueTicket.ts';
import { DomainError } from '../domainError.ts';
import { createDeskPresence, type LocalMember, type Member } from './deskPresence.ts';
import { deskViews } from './deskViews.ts';
import type { DeskDeps, DeskRoomPort, Person, SessionRef } from './deskTypes.ts';

/** How often lapsed calls, absent residents and opening hours are checked. */
export const DESK_TICK_MS = 1000;

/**
 * The desk: counters, staff on duty, the queues, calls, transfers, check-ins and the hand-off to
 * consultation rooms, for every hall room of this process. It belongs to no room: hall rooms attach,
 * report who joins and leaves, forward their people's requests and mirror what the desk publishes.
 * Order, calls and transfers are decided by the queue service, never by a client.
 */
export function createDesk(deps: DeskDeps) {
  const { hall, queue } = deps;
  // Looked up in the plan in use each time: an admin may put a plan live with counters added or moved.
  const counters = { get: (id: string) => hall.serviceDesks.find((c) => c.id === id) };
  const bus = deps.bus;
  /** Staff-set status per counter, while staff are on duty there (shared by all processes). */
  const chosen = bus.chosen;
  const rooms = new Map<string, DeskRoomPort>();
  /** Hall numbers (1, 2, …) shown to people, by room. */
  const numbers = new Map<string, number>();
  const presence = createDeskPresence(bus.processId, () => bus.remoteMembers());
  const views = deskViews(deps, presence, rooms, chosen);
  const { withinHours } = views;

  /** Brings views up to date here, and (when this changed something) tells the other processes. */
  function update(now = Date.now(), changedHere = true): void {
    views.update(now);
    if (changedHere) {
      bus.announce(presence.announcement());
      bus.changed();
    }
  }

  function counterOrThrow(id: string): Counter {
    const c = counters.get(id);
    if (!c) throw new DomainError('noSuchCounter', `no counter "${id}"`);
    return c;
  }

  function memberOrThrow(ref: SessionRef): LocalMember {
    const m = presence.get(ref);
    if (!m) throw new DomainError('forbidden', 'not in the hall');
    return m;
  }

  function staffOf(ref: SessionRef): { member: LocalMember; profile: StaffProfile } {
    const member = memberOrThrow(ref);
    if (member.person.kind !== 'staff') throw new DomainError('forbidden', 'staff only');
    return { member, profile: member.person.profile };
  }

  function residentOf(ref: SessionRef): Extract<Person, { kind: 'resident' }> {
    const p = memberOrThrow(ref).person;
    if (p.kind !== 'resident') throw new DomainError('forbidden', 'residents only');
    return p;
  }

  function counterOfStaff(member: Member): Counter {
    if (!member.counterId) throw new DomainError('notAtCounter', 'take a counter first');
    return counterOrThrow(member.counterId);
  }

  // People of this process are reached through their room; those of another process through the bus.
  function setConsulting(m: Member | undefined, on: boolean): void {
    if (!m) return;
    m.consulting = on;
    if (m.room) m.room.setConsulting(m.sessionId, on);
    else bus.send(m.processId, { kind: 'consulting', roomId: m.roomId, sessionId: m.sessionId, on });
  }

  function place(m: Member, at: readonly [number, number]): void {
    if (m.room) m.room.place(m.sessionId, at);
    else
      bus.send(m.processId, { kind: 'place', roomId: m.roomId, sessionId: m.sessionId, at: [at[0], at[1]] });
  }

  function invite(m: Member, invitation: ConsultationInvite): void {
    if (m.room) m.room.send(m.sessionId, 'consultation', invitation);
    else
      bus.send(m.processId, { kind: 'invite', roomId: m.roomId, sessionId: m.sessionId, invite: invitation });
  }

  function setCounter(m: LocalMember, counterId: string): void {
    m.counterId = counterId;
    m.room.setCounter(m.sessionId, counterId);
  }

  /** Someone back after a reload whose consultation is still open is shown in it, not in the hall. */
  function showConsultingIfOpen(m: Member, ticketId: number): void {
    void deps.consultations
      .roomOf(ticketId)
      .then((roomId) => {
        if (roomId) setConsulting(m, true);
      })
      .catch((err: unknown) => deps.log.warn('looking up a consultation failed', err));
  }

  /** Another process asks for something for one of our people. */
  bus.onAction((a) => {
    const room = rooms.get(a.roomId);
    const m = room && presence.get({ room, sessionId: a.sessionId });
    if (!room || !m) return;
    if (a.kind === 'invite') room.send(a.sessionId, 'consultation', a.invite);
    else if (a.kind === 'place') room.place(a.sessionId, a.at);
    else {
      m.consulting = a.on;
      room.setConsulting(a.sessionId, a.on);
      bus.announce(presence.announcement());
    }
  });
  /** Something changed on another process: read the queue again and bring our people up to date. */
  bus.onChanged(
    () =>
      void queue
        .refresh(Date.now())
        .then(() => views.update())
        .catch((err: unknown) => deps.log.error('refreshing the desk failed', err)),
  );

  const staffMember = (t: Ticket) => (t.staffId === null ? undefined : presence.ofStaff(t.staffId));

  async function openConsultation(t: Ticket, resident: Member): Promise<void> {
    const staff = staffMember(t);
    if (resident.person.kind !== 'resident' || staff?.person.kind !== 'staff') return;
    await deps.records.open(t, staff.person.profile.id);
    const invites = await deps.consultations.open(
      t,
      resident.person.nickname,
      staff.person.profile.displayName,
    );
    setConsulting(resident, true);
    setConsulting(staff, true);
    invite(resident, invites.resident);
    invite(staff, invites.staff);
  }

  /** After a consultation: the resident stands at the counter again, the staff member behind it. */
  function endConsultation(t: Ticket, reason: 'done' | 'transferred' | 'noShow'): void {
    void deps.consultations
      .end(t.id, reason)
      .catch((err: unknown) => deps.log.warn('ending a consultation room failed', err));
    const counter = counters.get(t.transferFrom && reason === 'transferred' ? t.transferFrom : t.counterId);
    const resident = presence.ofResident(t.residentKey);
    if (resident?.consulting) {
      setConsulting(resident, false);
      if (counter) place(resident, counter.serviceSpot);
    }
    setConsulting(staffMember(t), false);
  }

  /** Another staff member still at this counter keeps its chosen status; the last one leaving clears it. */
  function forgetEmptyCounters(): void {
    for (const id of [...chosen.keys()]) if (presence.staffCountAt(id) === 0) bus.setChosen(id, null);
  }

  const stopListening = deps.consultations.listen({
    closed: (ticketId) => {
      const t = queue.activeTickets().find((x) => x.id === ticketId);
      if (!t) return;
      setConsulting(presence.ofResident(t.residentKey), false);
      setConsulting(staffMember(t), false);
      update();
    },
    ended: (ticketId) =>
      void finishFromRoom(ticketId).catch((err: unknown) =>
        deps.log.error('finishing a consultation failed', err),
      ),
  });

  /** The staff member ended the consultation in its room: the ticket is done, as if they pressed "done". */
  async function finishFromRoom(ticketId: number, now = Date.now()): Promise<void> {
    const t = queue.activeTickets().find((x) => x.id === ticketId);
    if (!t || t.status !== 'serving' || t.staffId === null) return;
    try {
      await queue.done(ticketId, t.staffId, now);
    } catch (err) {
      // Transferred or finished meanwhile: only bring the views up to date.
      if (!(err instanceof DomainError)) throw err;
      return update(now);
    }
    endConsultation(t, 'done');
    update(now);
  }

  async function tick(now = Date.now()): Promise<void> {
    const lapsed = await queue.expireCalls(now, deps.callGraceMs);
    for (const t of lapsed) {
      endConsultation(t, 'noShow');
      if (t.staffId !== null && presence.ofStaff(t.staffId)) {
        await queue.callNext(t.counterId, t.staffId, now).catch((e: unknown) => {
          if (!(e instanceof DomainError)) throw e;
        });
      }
    }
    // Whoever is in a hall room of any process now was seen now: the absence grace runs from here.
    const present = presence.presentKeys();
    for (const key of present) queue.seen(key, now);
    const expired = await queue.expireAbsent(present, now, deps.ticketGraceMs);
    // The other processes hear of changes, and of who is here (announced again, so it does not lapse).
    update(now, lapsed.length > 0 || expired.length > 0);
    bus.announce(presence.announcement());
  }
  let ticking = false;
  const timer = setInterval(() => {
    // A slow database must not stack ticks on top of each other.
    if (ticking) return;
    ticking = true;
    tick()
      .catch((err: unknown) => deps.log.error('desk tick failed', err))
      .finally(() => (ticking = false));
  }, DESK_TICK_MS);
  timer.unref();

  return {
    tick,
    update,
    finishFromRoom,

    /** A hall room opens: it gets the lowest free hall number and everything the desk shows now. */
    attachRoom(room: DeskRoomPort): number {
      rooms.set(room.id, room);
      const used = new Set(numbers.values());
      let n = 1;
      while (used.has(n)) n++;
      numbers.set(room.id, n);
      views.greet(room);
      return n;
    },
    detachRoom(room: DeskRoomPort): void {
      for (const m of presence.ofRoom(room.id)) presence.remove(m);
      rooms.delete(room.id);
      numbers.delete(room.id);
      forgetEmptyCounters();
      update();
    },

    /**
     * Someone entered a hall room. A resident after a reload is still in their consultation; staff after
     * a reload are back at the counter of the ticket they are handling.
     */
    join(room: DeskRoomPort, sessionId: string, person: Person, now = Date.now()): void {
      const m = presence.add(room, sessionId, person);
      if (person.kind === 'resident') {
        queue.seen(person.residentKey, now);
        const t = queue.ticketOf(person.residentKey);
        if (t?.status === 'serving') showConsultingIfOpen(m, t.id);
      } else {
        const t = queue.staffTicket(person.profile.id);
        if (t) {
          setCounter(m, t.counterId);
          const counter = counters.get(t.counterId);
          if (counter) room.place(sessionId, counter.staffSpot);
          if (!chosen.has(t.counterId)) bus.setChosen(t.counterId, 'open');
          if (t.status === 'serving') showConsultingIfOpen(m, t.id);
        }
      }
      update(now);
    },

    /** They came back after a drop: what was sent meanwhile is lost, so send their view afresh. */
    rejoined(ref: SessionRef): void {
      const m = presence.get(ref);
      if (m) views.forget(m);
      update();
    },

    leave(ref: SessionRef, now = Date.now()): void {
      const m = presence.remove(ref);
      if (!m) return;
      views.forget(m);
      if (m.person.kind === 'resident') queue.seen(m.person.residentKey, now);
      forgetEmptyCounters();
      update(now);
    },

    takeTicket(
      ref: SessionRef,
      counterId: string,
      procedureId: string | undefined,
      now = Date.now(),
      lang?: Language,
      handover?: HandoverLine[],
    ) {
      const resident = residentOf(ref);
      const counter = counterOrThrow(counterId);
      if (handover?.length && counter.id !== INFO_DESK_ID) {
        throw new DomainError(
          'invalidMessage',
          'a conversation with the guide is handed over at the information desk only',
        );
      }
      if (procedureId) {
        const p = deps.catalog.get().procedures.find((x) => x.id === procedureId);
        const dept = p && deps.catalog.get().departments.find((d) => d.id === p.departmentId);
        if (!p || dept?.counterId !== counter.id) {
          throw new DomainError(
            'noSuchProcedure',
            `"${procedureId}" is not handled at counter ${counter.number}`,
          );
        }
      }
      if (views.counter(counter.id)?.status === 'closed') {
        throw new DomainError('counterClosed', `counter ${counter.number} is closed`);
      }
      return queue
        .take(
          {
            counterId: counter.id,
            procedureId: procedureId ?? null,
            residentKey: resident.residentKey,
            lang: lang ?? resident.lang,
            handover: handover ?? null,
          },
          now,
        )
        .then(() => update(now));
    },

    /** A booked resident checks in at the counter: a number that goes before walk-ins. */
    async checkIn(ref: SessionRef, code: string, nickname: string | undefined, now = Date.now()) {
      const resident = residentOf(ref);
      if (queue.ticketOf(resident.residentKey)) {
        throw new DomainError('alreadyQueued', 'you already hold a number; give it up to check in');
      }
      const counterId = await deps.bookings.counterOf(code);
      const booking = await deps.bookings.checkIn(
        code,
        counterId,
        { holder: resident.residentKey, nickname },
        now,
      );
      await queue
        .take(
          {
            counterId,
            procedureId: booking.procedureId,
            residentKey: resident.residentKey,
            lang: resident.lang,
            priority: 0,
            bookingCode: code,
          },
          now,
        )
        .catch(async (err: unknown) => {
          await deps.bookings.undoCheckIn(code);
          throw err;
        });
      update(now);
    },

    async leaveQueue(ref: SessionRef, now = Date.now()) {
      await queue.leave(residentOf(ref).residentKey, now);
      update(now);
    },

    /**
     * Back into the consultation after its connection was lost for good (the room's process died, or
     * the grace ran out): a seat in the ticket's room, opened again if it is gone. Only the two people
     * of a ticket being served get one.
     */
    async rejoinConsultation(ref: SessionRef, now = Date.now()) {
      const m = memberOrThrow(ref);
      const p = m.person;
      const t = p.kind === 'resident' ? queue.ticketOf(p.residentKey) : queue.staffTicket(p.profile.id);
      if (t?.status !== 'serving') throw new DomainError('notConsulting', 'no consultation to return to');
      const name = p.kind === 'resident' ? p.nickname : p.profile.displayName;
      const invitation = await deps.consultations.seatFor(t, p.kind, name);
      setConsulting(m, true);
      invite(m, invitation);
      update(now);
    },

    async answerCall(ref: SessionRef, now = Date.now()) {
      const t = await queue.answer(residentOf(ref).residentKey, now);
      await openConsultation(t, memberOrThrow(ref));
      update(now);
    },

    takeCounter(ref: SessionRef, counterId: string, now = Date.now()): void {
      const { member, profile } = staffOf(ref);
      const counter = counterOrThrow(counterId);
      // Guides work the information desk only; counter staff the counters; admins either.
      const needed = counter.id === INFO_DESK_ID ? 'workInfoDesk' : 'workCounter';
      if (!can(profile.role, needed)) {
        throw new DomainError(
          'forbidden',
          counter.id === INFO_DESK_ID
            ? 'only guides work the information desk'
            : 'your role does not work counters',
        );
      }
      if (queue.staffTicket(profile.id)) {
        throw new DomainError('alreadyServing', 'finish the current resident before changing counters');
      }
      setCounter(member, counter.id);
      member.room.place(member.sessionId, counter.staffSpot);
      if (!chosen.has(counter.id)) bus.setChosen(counter.id, 'open');
      forgetEmptyCounters();
      update(now);
    },

    leaveCounter(ref: SessionRef, now = Date.now()): void {
      const { member, profile } = staffOf(ref);
      const counter = counterOfStaff(member);
      if (queue.staffTicket(profile.id)) {
        throw new DomainError('alreadyServing', 'finish the current resident before leaving the counter');
      }
      setCounter(member, '');
      member.room.place(member.sessionId, counter.serviceSpot);
      forgetEmptyCounters();
      update(now);
    },

    setStatus(ref: SessionRef, status: CounterStatus, now = Date.now()): void {
      const counter = counterOfStaff(staffOf(ref).member);
      if (status !== 'closed' && !withinHours(counter, now)) {
        throw new DomainError('outsideHours', `counter ${counter.number} is outside its opening hours`);
      }
      bus.setChosen(counter.id, status);
      update(now);
    },

    async callNext(ref: SessionRef, now = Date.now()) {
      const { member, profile } = staffOf(ref);
      const counter = counterOfStaff(member);
      await queue.callNext(counter.id, profile.id, now);
      update(now);
    },

    async markDone(ref: SessionRef, ticketId: number, now = Date.now()) {
      const t = await queue.done(ticketId, staffOf(ref).profile.id, now);
      endConsultation(t, 'done');
      update(now);
    },

    async markNoShow(ref: SessionRef, ticketId: number, now = Date.now()) {
      const t = await queue.noShow(ticketId, staffOf(ref).profile.id, now);
      endConsultation(t, 'noShow');
      update(now);
    },

    async transfer(ref: SessionRef, ticketId: number, toCounterId: string, note: string, now = Date.now()) {
      const { profile } = staffOf(ref);
      counterOrThrow(toCounterId);
      const t = await queue.transfer(ticketId, profile.id, toCounterId, note, now);
      endConsultation(t, 'transferred');
      update(now);
    },

    roomCount: () => rooms.size,
    /** Whether the staff member works this counter now (on duty there in any hall room). */
    worksAt: (staffId: number, counterId: string) => presence.worksAt(staffId, counterId),
    /** Staff on duty per counter, in every hall room of every process (the figures' staff hours). */
    staffOnDuty(): Map<string, number> {
      const ids = new Set(
        presence.everyone().flatMap((m) => (m.person.kind === 'staff' && m.counterId ? [m.counterId] : [])),
      );
      return new Map([...ids].map((id) => [id, presence.staffCountAt(id)]));
    },

    /** They sat down (or stood up: ''): a briefing on any process keeps the seat they sit on. */
    seated(ref: SessionRef, seat: string): void {
      const m = presence.get(ref);
      if (!m || m.seat === seat) return;
      m.seat = seat;
      bus.announce(presence.announcement());
    },
    /** The auditorium seat a resident sits on in any hall room ('' when none). */
    seatOf(residentKey: string): string {
      return presence.ofResident(residentKey)?.seat ?? '';
    },
    /** The hall number (1, 2, …) people are told for a room. */
    hallNumber: (roomId: string) => numbers.get(roomId) ?? 0,

    close(): void {
      clearInterval(timer);
      stopListening();
    },
  };
}
export type Desk = ReturnType<typeof createDesk>;
