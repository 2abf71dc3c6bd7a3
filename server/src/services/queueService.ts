import type { HandoverLine } from '../../../shared/protocol/queue.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { QueueEntry, TicketStatus, TicketView } from '../../../shared/protocol/queue.ts';
import { ACTIVE, iso, ms, ticketColumns, ticketFromRow, toEntry, type Ticket } from './queueTicket.ts';
import type { Language } from '../../../shared/constants.ts';
import { estimateWait } from './waitEstimate.ts';

export { DEFAULT_SERVICE_MINUTES } from './waitEstimate.ts';

const RECENT_SERVICES = 10;

/**
 * The counter queues. The database is the truth (tickets survive a restart); active tickets are also
 * held in memory for positions and estimates. Mutations run one at a time, so two residents pressing
 * "take a number" together still get distinct numbers and a fair order.
 */
export interface QueueCoordination {
  /**
   * Runs a change to the queue while no other process changes it (a lock they share). Tickets are read
   * again first, since another process may have changed them.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createQueueService(
  db: Db,
  opts: { dayOf(at: number): string; coordination?: QueueCoordination },
) {
  const active = new Map<number, Ticket>();
  /**
   * A call made before this server started counts from the start: the resident could not answer
   * while the server was down, so a restart longer than the grace must not turn every call into a
   * no-show at the first tick.
   */
  let startedAt = 0; // set by the first load, when the server starts
  const callClock = (t: Ticket) => (t.calledAt === null ? null : Math.max(t.calledAt, startedAt));
  const recent = new Map<string, { day: string; ms: number }[]>(); // counter → recent services
  let chain: Promise<unknown> = Promise.resolve();
  const coordinated = opts.coordination;
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    // One at a time here; with several processes also one at a time among them, on fresh tickets.
    const step = coordinated
      ? () => coordinated.exclusive(async () => (await readActive(Date.now()), fn()))
      : fn;
    const run = chain.then(step, step);
    chain = run.catch(() => {});
    return run;
  };

  async function readActive(now: number): Promise<void> {
    const rows = await db.selectFrom('queue_tickets').selectAll().where('status', 'in', ACTIVE).execute();
    const before = new Map(active);
    active.clear();
    // A resident's last sighting is this process's knowledge: keep it across a refresh.
    for (const r of rows) {
      const t = ticketFromRow(r, now);
      const known = before.get(t.id);
      active.set(t.id, known ? { ...t, lastSeenAt: Math.max(known.lastSeenAt, t.lastSeenAt) } : t);
    }
  }

  const byOrder = (a: Ticket, b: Ticket) => a.priority - b.priority || a.queuedAt - b.queuedAt || a.id - b.id;
  const waitingAt = (counterId: string) =>
    [...active.values()].filter((t) => t.counterId === counterId && t.status === 'waiting').sort(byOrder);

  async function setStatus(t: Ticket, status: TicketStatus, at: number, extra: Partial<Ticket> = {}) {
    const next: Ticket = { ...t, ...extra, status };
    await db.updateTable('queue_tickets').set(ticketColumns(next, at)).where('id', '=', t.id).execute();
    if (ACTIVE.includes(status)) active.set(t.id, next);
    else active.delete(t.id);
    return next;
  }

  function rememberService(counterId: string, durationMs: number, finishedAt: number) {
    const list = recent.get(counterId) ?? [];
    list.push({ day: opts.dayOf(finishedAt), ms: durationMs });
    if (list.length > RECENT_SERVICES) list.shift();
    recent.set(counterId, list);
  }

  /**
   * Today's next number: the largest so far plus one. Another process may take the same one at the same
   * moment; the unique index (day, number) refuses the second, which simply tries the next.
   */
  async function insertWithNextNumber(
    day: string,
    row: (number: number) => Insertable<Database['queue_tickets']>,
  ): Promise<{ id: number; number: number }> {
    for (let attempt = 0; ; attempt++) {
      const last = await db
        .selectFrom('queue_tickets')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('day', '=', day)
        .executeTakeFirst();
      const number = Number(last?.n ?? 0) + 1;
      try {
        const inserted = await db
          .insertInto('queue_tickets')
          .values(row(number))
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: inserted.id, number };
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 20) throw err;
      }
    }
  }

  function activeFor(residentKey: string): Ticket | undefined {
    return [...active.values()].find((t) => t.residentKey === residentKey);
  }

  function staffTicket(staffId: number): Ticket | undefined {
    return [...active.values()].find((t) => t.staffId === staffId && t.status !== 'waiting');
  }

  return {
    /** Reads active tickets and recent service times; absent residents get a fresh grace period. */
    async load(now: number): Promise<void> {
      startedAt ||= now;
      recent.clear();
      await readActive(now);
      const done = await db
        .selectFrom('queue_tickets')
        .select(['counter_id', 'served_at', 'finished_at'])
        .where('status', '=', 'done')
        .where('served_at', 'is not', null)
        .orderBy('finished_at', 'desc')
        .limit(500)
        .execute();
      for (const r of done.reverse()) {
        rememberService(r.counter_id, ms(r.finished_at)! - ms(r.served_at)!, ms(r.finished_at)!);
      }
    },

    take(
      input: {
        counterId: string;
        procedureId: string | null;
        residentKey: string;
        priority?: number;
        bookingCode?: string;
        lang?: Language;
        /** At the information desk: the resident's conversation with the guide. */
        handover?: HandoverLine[] | null;
      },
      now: number,
    ) {
      return serial(async () => {
        const existing = activeFor(input.residentKey);
        if (existing) {
          throw new DomainError(
            'alreadyQueued',
            `you already hold number ${existing.number}; leave that queue first`,
          );
        }
        const day = opts.dayOf(now);
        const { id, number } = await insertWithNextNumber(day, (number) => ({
          day,
          number,
          counter_id: input.counterId,
          procedure_id: input.procedureId,
          resident_key: input.residentKey,
          status: 'waiting',
          taken_at: iso(now),
          queued_at: iso(now),
          last_seen_at: iso(now),
          priority: input.priority ?? 1,
          booking_code: input.bookingCode ?? null,
          lang: input.lang ?? null,
          handover: input.handover?.length ? JSON.stringify(input.handover) : null,
        }));
        const ticket: Ticket = {
          id,
          day,
          number,
          counterId: input.counterId,
          procedureId: input.procedureId,
          residentKey: input.residentKey,
          status: 'waiting',
          takenAt: now,
          queuedAt: now,
          calledAt: null,
          servedAt: null,
          staffId: null,
          transferFrom: null,
          transferNote: null,
          lastSeenAt: now,
          priority: input.priority ?? 1,
          lang: input.lang ?? null,
          handover: input.handover?.length ? input.handover : null,
        };
        active.set(ticket.id, ticket);
        return ticket;
      });
    },

    leave(residentKey: string, now: number) {
      return serial(async () => {
        const t = activeFor(residentKey);
        if (!t || t.status === 'serving') throw new DomainError('noTicket', 'you hold no number to give up');
        return setStatus(t, 'left', now);
      });
    },

    /** The first waiting ticket of the counter (transferred tickets keep their original place). */
    callNext(counterId: string, staffId: number, now: number) {
      return serial(async () => {
        const current = staffTicket(staffId);
        if (current) {
          throw new DomainError(
            'alreadyServing',
            `finish number ${current.number} first (done, no-show or transfer)`,
          );
        }
        const next = waitingAt(counterId)[0];
        if (!next) throw new DomainError('queueEmpty', 'nobody is waiting at this counter');
        return setStatus(next, 'called', now, { calledAt: now, staffId });
      });
    },

    answer(residentKey: string, now: number) {
      return serial(async () => {
        const t = activeFor(residentKey);
        if (!t || t.status !== 'called') throw new DomainError('noTicket', 'your number has not been called');
        return setStatus(t, 'serving', now, { servedAt: now });
      });
    },

    done(ticketId: number, staffId: number, now: number) {
      return serial(async () => {
        const t = ownTicket(ticketId, staffId);
        if (t.servedAt !== null) rememberService(t.counterId, now - t.servedAt, now);
        return setStatus(t, 'done', now);
      });
    },

    noShow(ticketId: number, staffId: number, now: number) {
      return serial(async () => {
        const t = ownTicket(ticketId, staffId);
        if (t.status !== 'called')
          throw new DomainError('ticketNotActive', 'only a called number can be a no-show');
        return setStatus(t, 'noShow', now);
      });
    },

    /**
     * Sends a resident to another counter without queuing again: the ticket keeps its original queue
     * time, so it goes in ahead of everyone who took a number after it.
     */
    transfer(ticketId: number, staffId: number, toCounterId: string, note: string, now: number) {
      return serial(async () => {
        const t = ownTicket(ticketId, staffId);
        if (t.counterId === toCounterId)
          throw new DomainError('sameCounter', 'the ticket is already at that counter');
        if (t.servedAt !== null) rememberService(t.counterId, now - t.servedAt, now);
        return setStatus(t, 'waiting', now, {
          counterId: toCounterId,
          transferFrom: t.counterId,
          transferNote: note || null,
          calledAt: null,
          servedAt: null,
          staffId: null,
        });
      });
    },

    /** Called tickets not answered within `graceMs` become no-shows; returns them. */
    expireCalls(now: number, graceMs: number) {
      return serial(async () => {
        const late = [...active.values()].filter(
          (t) => t.status === 'called' && t.calledAt !== null && now - callClock(t)! > graceMs,
        );
        return Promise.all(late.map((t) => setStatus(t, 'noShow', now)));
      });
    },

    /** Waiting tickets whose resident has been gone longer than `graceMs` are given up; returns them. */
    expireAbsent(present: ReadonlySet<string>, now: number, graceMs: number) {
      return serial(async () => {
        const gone = [...active.values()].filter(
          (t) => t.status === 'waiting' && !present.has(t.residentKey) && now - t.lastSeenAt > graceMs,
        );
        return Promise.all(gone.map((t) => setStatus(t, 'expired', now)));
      });
    },

    /** Marks the resident as seen now (connected); the absence grace runs from their last sighting. */
    seen(residentKey: string, now: number): void {
      const t = activeFor(residentKey);
      if (t) active.set(t.id, { ...t, lastSeenAt: now });
    },

    ticketOf: (residentKey: string) => activeFor(residentKey),

    /** Another process changed the queue: read the tickets (and today's service times) again. */
    refresh(now: number): Promise<void> {
      return serial(() => this.load(now));
    },
    staffTicket,
    activeTickets: () => [...active.values()],
    waitingCount: (counterId: string) => waitingAt(counterId).length,

    /**
     * The numbers the counter's board shows: called or being served there, the latest call first. Only
     * numbers: the board hangs in the public hall.
     */
    calling(counterId: string, max: number): number[] {
      return [...active.values()]
        .filter((t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving'))
        .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0) || b.id - a.id)
        .slice(0, max)
        .map((t) => t.number);
    },

    /** Per counter with anyone waiting: how many, and how long the first in line has waited (metrics). */
    summary(now: number): { counterId: string; waiting: number; longestWaitS: number }[] {
      const byCounter = new Map<string, { waiting: number; since: number }>();
      for (const t of active.values()) {
        if (t.status !== 'waiting') continue;
        const c = byCounter.get(t.counterId) ?? { waiting: 0, since: now };
        byCounter.set(t.counterId, { waiting: c.waiting + 1, since: Math.min(c.since, t.queuedAt) });
      }
      return [...byCounter].map(([counterId, c]) => ({
        counterId,
        waiting: c.waiting,
        longestWaitS: Math.max(0, (now - c.since) / 1000),
      }));
    },

    /** Position (1 = next) and the wait estimate (waitEstimate.ts) a resident's ticket card shows. */
    view(
      t: Ticket,
      counter: { staffOnDuty: number; serving: boolean },
      callGraceMs: number,
      now: number,
    ): TicketView {
      const ahead = t.status === 'waiting' ? waitingAt(t.counterId).findIndex((w) => w.id === t.id) : -1;
      const position = ahead + 1;
      const day = opts.dayOf(now);
      const today = (recent.get(t.counterId) ?? []).filter((r) => r.day === day);
      const running = [...active.values()]
        .filter((x) => x.counterId === t.counterId && (x.status === 'called' || x.status === 'serving'))
        .map((x) => now - (x.servedAt ?? x.calledAt ?? now));
      const wait = estimateWait({
        ahead: Math.max(0, ahead),
        todayMs: today.map((r) => r.ms),
        runningForMs: running,
        staffOnDuty: counter.staffOnDuty,
        staffAtCounter: counter.serving,
      });
      const etaMinutes = position > 0 ? wait.minutes : 0;
      return {
        id: t.id,
        number: t.number,
        counterId: t.counterId,
        procedureId: t.procedureId,
        status: t.status,
        position,
        etaMinutes,
        etaBasis: {
          servicesToday: today.length,
          averageMinutes: Math.max(1, Math.round(wait.averageMs / 60_000)),
        },
        answerBy: t.status === 'called' && t.calledAt !== null ? callClock(t)! + callGraceMs : null,
        transferFrom: t.transferFrom,
      };
    },

    entries(counterId: string, present: ReadonlySet<string>): QueueEntry[] {
      return [...active.values()]
        .filter((t) => t.counterId === counterId)
        .sort(byOrder)
        .map((t) => toEntry(t, present));
    },
    toEntry,
  };

  function ownTicket(ticketId: number, staffId: number): Ticket {
    const t = active.get(ticketId);
    if (!t) throw new DomainError('ticketNotActive', `ticket ${ticketId} is not in any queue`);
    if (t.staffId !== staffId)
      throw new DomainError('notYourTicket', `ticket ${ticketId} is not being handled by you`);
    return t;
  }
}
export type QueueService = ReturnType<typeof createQueueService>;
