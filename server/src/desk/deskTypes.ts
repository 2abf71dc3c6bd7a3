import type { Language } from '../../../shared/constants.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type {
  CounterStatus,
  HallProtocol,
  ServerPayload,
  ServerType,
} from '../../../shared/protocol/index.ts';
import type { QueueService } from '../services/queueService.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { RecordService } from '../services/recordService.ts';
import type { BookingService } from '../services/bookingService.ts';
import type { ConsultationService } from '../rooms/consultation/consultationInvites.ts';
import type { Logger } from '../logger.ts';
import type { DeskBus } from './deskBus.ts';

/** Who a hall session is, as the server established it at join (never the client's word). */
export type Person =
  | { kind: 'resident'; residentKey: string; nickname: string; lang: Language }
  | { kind: 'staff'; profile: StaffProfile };

/** A counter as everyone sees it, in every hall room. */
export interface CounterView {
  status: CounterStatus;
  staffOnDuty: number;
  waiting: number;
  /** Numbers called or being served there, the latest first (at most BOARD_NUMBERS): the number board. */
  calling: number[];
  /** Within opening hours now (by the city's clock). */
  withinHours: boolean;
  /** ISO time of the next opening when outside hours, '' otherwise. */
  opensAt: string;
}

/** A staff member working a counter: every hall room shows them there, whichever room they are in. */
export interface StaffOnDuty {
  staffId: number;
  /** The hall room (and session) they are connected to. */
  roomId: string;
  sessionId: string;
  name: string;
  counterId: string;
  consulting: boolean;
}

/**
 * A hall room as the desk sees it: how to reach its people and what it mirrors. The desk belongs to
 * no room; rooms attach while they exist. (With several processes, issue 9's Redis seam sits here.)
 */
export interface DeskRoomPort {
  readonly id: string;
  send<K extends ServerType<HallProtocol>>(
    sessionId: string,
    type: K,
    message: ServerPayload<HallProtocol, K>,
  ): void;
  /** Moves an avatar (server authority) and tells its client. */
  place(sessionId: string, at: readonly [number, number]): void;
  setConsulting(sessionId: string, consulting: boolean): void;
  setCounter(sessionId: string, counterId: string): void;
  /** Counters whose public state changed (all of them on attaching). */
  counters(changed: ReadonlyMap<string, CounterView>): void;
  /** Everyone on duty at a counter, in any room, whenever that list changes. */
  staffOnDuty(list: readonly StaffOnDuty[]): void;
  /** How many people are in all hall rooms together. */
  building(population: number): void;
}

/** One session of one hall room. */
export interface SessionRef {
  room: DeskRoomPort;
  sessionId: string;
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
  /** The other processes' desks (a no-op bus for one process). */
  bus: DeskBus;
}
