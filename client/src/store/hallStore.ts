import { create } from 'zustand';
import type { Role } from '../../../shared/constants.ts';
import type { MessageKey } from '../i18n/ja.ts';
import type { Params } from '../i18n/translate.ts';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Discrete facts about a person in view. Positions are not here: they change every frame (see poses.ts). */
export interface Person {
  id: string;
  nickname: string;
  color: string;
  role: Role;
  area: string;
  away: boolean;
  /** In a private consultation room, not in the hall. */
  consulting: boolean;
  /** Staff: the counter they work ('' if none). */
  counterId: string;
  /** Auditorium seat sat on ('' standing). */
  seat: string;
}

/** A message for the screen-reader live region and the visible notice line, kept as a key to re-translate. */
export interface Notice {
  key: MessageKey;
  params?: Params;
  /** Increments so the same text announced twice is still announced. */
  seq: number;
}

interface HallState {
  status: ConnectionStatus;
  selfId: string | null;
  people: Record<string, Person>;
  /** People in this hall room, and in all hall rooms together. */
  population: number;
  building: number;
  /** Which hall room (1, 2, …) we are in: a room is only who we see, the counters are shared. */
  hallNumber: number;
  /** People a little further away, shown as markers without names (the ring beyond the nearest). */
  farCount: number;
  areaCounts: Record<string, number>;
  notice: Notice | null;
  setStatus(status: ConnectionStatus): void;
  setSelf(id: string | null): void;
  upsertPerson(person: Person): void;
  removePerson(id: string): void;
  setPopulation(n: number): void;
  setHall(patch: Partial<Pick<HallState, 'building' | 'hallNumber' | 'farCount'>>): void;
  setAreaCount(areaId: string, n: number): void;
  announce(key: MessageKey, params?: Params): void;
  reset(): void;
}

let seq = 0;

/** What the store holds before joining, and again after leaving. */
const EMPTY = {
  status: 'idle',
  selfId: null,
  people: {},
  population: 0,
  building: 0,
  hallNumber: 1,
  farCount: 0,
  areaCounts: {},
  notice: null,
} satisfies Partial<HallState>;

export const useHallStore = create<HallState>((set) => ({
  ...EMPTY,
  setStatus: (status) => set({ status }),
  setSelf: (selfId) => set({ selfId }),
  upsertPerson: (person) => set((s) => ({ people: { ...s.people, [person.id]: person } })),
  removePerson: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.people;
      return { people: rest };
    }),
  setPopulation: (population) => set({ population }),
  setHall: (patch) => set(patch),
  setAreaCount: (areaId, n) => set((s) => ({ areaCounts: { ...s.areaCounts, [areaId]: n } })),
  announce: (key, params) => set({ notice: { key, params, seq: ++seq } }),
  reset: () => set(EMPTY),
}));
