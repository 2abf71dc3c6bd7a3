import { create } from 'zustand';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import type { CounterStatus, StaffQueueView, TicketView } from '../../../shared/protocol/index.ts';

export interface CounterInfo {
  status: CounterStatus;
  staffOnDuty: number;
  waiting: number;
  /** The number board: numbers called or being served there, the latest first. */
  calling: number[];
  withinHours: boolean;
  /** ISO time of the next opening, '' while within hours. */
  opensAt: string;
}

export interface ChatLineView {
  role: string;
  nickname: string;
  text: string;
  at: number;
  /** A shared procedure's online link, '' for plain messages. */
  url: string;
  /** The shared procedure, named in the reader's language from the catalogue; '' for plain messages. */
  procedureId: string;
}

export interface ConsultationView {
  ticketNumber: number;
  counterId: string;
  participants: {
    id: string;
    role: string;
    nickname: string;
    connected: boolean;
    audio: boolean;
    video: boolean;
    screen: boolean;
  }[];
  lines: ChatLineView[];
  /** '' while running. */
  ended: string;
}

interface QueueState {
  counters: Record<string, CounterInfo>;
  ticket: TicketView | null;
  staff: StaffProfile | null;
  staffQueue: StaffQueueView | null;
  consultation: ConsultationView | null;
  /** The resident rated the consultation they are in. */
  rated: boolean;
  setRated(r: boolean): void;
  setCounter(id: string, info: CounterInfo): void;
  setTicket(t: TicketView | null): void;
  setStaff(p: StaffProfile | null): void;
  setStaffQueue(q: StaffQueueView | null): void;
  setConsultation(c: ConsultationView | null): void;
  reset(): void;
}

/** Counters, the resident's ticket, the staff console's queue and the running consultation. */
export const useQueueStore = create<QueueState>((set) => ({
  counters: {},
  ticket: null,
  staff: null,
  staffQueue: null,
  consultation: null,
  rated: false,
  setRated: (rated) => set({ rated }),
  setCounter: (id, info) => set((s) => ({ counters: { ...s.counters, [id]: info } })),
  setTicket: (ticket) => set({ ticket }),
  setStaff: (staff) => set({ staff }),
  setStaffQueue: (staffQueue) => set({ staffQueue }),
  setConsultation: (consultation) => set((s) => ({ consultation, rated: consultation ? s.rated : false })),
  reset: () => set({ counters: {}, ticket: null, staffQueue: null, consultation: null }),
}));
