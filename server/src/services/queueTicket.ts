import type { Selectable, Updateable } from 'kysely';
import { HandoverLine, type QueueEntry, type TicketStatus } from '../../../shared/protocol/queue.ts';
import type { QueueTicketsTable } from '../db/schema.ts';
import { LANGUAGES, type Language } from '../../../shared/constants.ts';

export type QueueErrorCode =
  | 'alreadyQueued'
  | 'noTicket'
  | 'queueEmpty'
  | 'alreadyServing'
  | 'notYourTicket'
  | 'ticketNotActive'
  | 'sameCounter';

/** A refused queue operation; nothing changed. `code` is also an i18n key on the client. */

export interface Ticket {
  id: number;
  day: string;
  number: number;
  counterId: string;
  procedureId: string | null;
  residentKey: string;
  status: TicketStatus;
  takenAt: number;
  queuedAt: number;
  calledAt: number | null;
  servedAt: number | null;
  staffId: number | null;
  transferFrom: string | null;
  transferNote: string | null;
  lastSeenAt: number;
  /** 0: booked and checked in (served before walk-ins); 1: walk-in. */
  priority: number;
  lang: Language | null;
  /** At the information desk: the resident's conversation with the guide, shown to the staff who answer. */
  handover: HandoverLine[] | null;
}

/** Statuses of a ticket still in a queue (held in memory as well as stored). */
export const ACTIVE: TicketStatus[] = ['waiting', 'called', 'serving'];

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (text: string | null) => (text ? Date.parse(text) : null);

/** A stored ticket as the queue holds it; `now` starts its resident's grace period afresh. */
export function ticketFromRow(r: Selectable<QueueTicketsTable>, now: number): Ticket {
  return {
    id: r.id,
    day: r.day,
    number: r.number,
    counterId: r.counter_id,
    procedureId: r.procedure_id,
    residentKey: r.resident_key,
    status: r.status as TicketStatus,
    takenAt: ms(r.taken_at)!,
    queuedAt: ms(r.queued_at)!,
    calledAt: ms(r.called_at),
    servedAt: ms(r.served_at),
    staffId: r.staff_id,
    transferFrom: r.transfer_from,
    transferNote: r.transfer_note,
    lastSeenAt: now,
    priority: r.priority,
    lang: (LANGUAGES as readonly string[]).includes(r.lang ?? '') ? (r.lang as Language) : null,
    handover: handoverOf(r.handover),
  };
}

/** The stored conversation, read back checked (a hand-edited row gives none rather than a fault). */
function handoverOf(text: string | null): HandoverLine[] | null {
  if (!text) return null;
  try {
    const lines = HandoverLine.array().safeParse(JSON.parse(text));
    return lines.success ? lines.data : null;
  } catch {
    return null;
  }
}

/** The stored columns of a ticket that moved to a new status at `at` (finished once no longer active). */
export function ticketColumns(t: Ticket, at: number): Updateable<QueueTicketsTable> {
  return {
    status: t.status,
    counter_id: t.counterId,
    queued_at: iso(t.queuedAt),
    called_at: t.calledAt === null ? null : iso(t.calledAt),
    served_at: t.servedAt === null ? null : iso(t.servedAt),
    finished_at: ACTIVE.includes(t.status) ? null : iso(at),
    // The conversation was for the staff who answer: it goes when the number is finished.
    ...(ACTIVE.includes(t.status) ? {} : { handover: null }),
    staff_id: t.staffId,
    transfer_from: t.transferFrom,
    transfer_note: t.transferNote,
  };
}

/** A ticket as staff see it in their counter's queue. */
export function toEntry(t: Ticket, present: ReadonlySet<string>): QueueEntry {
  return {
    id: t.id,
    number: t.number,
    procedureId: t.procedureId,
    status: t.status,
    waitingSince: t.queuedAt,
    transferFrom: t.transferFrom,
    transferNote: t.transferNote,
    residentPresent: present.has(t.residentKey),
    booked: t.priority === 0,
    lang: t.lang,
  };
}
