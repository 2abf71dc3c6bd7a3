import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * Synchronised hall state: who people are, not where they stand. Avatars are tagged `.view()`: each
 * client receives only the ones the server adds to its StateView (its nearest few), so download per
 * client does not grow with the crowd. Positions travel separately as compact binary messages for
 * exactly those people (protocol/poses.ts): synchronising them as state would re-check every move for
 * every client. Population and per-area counts are small and shared with everyone.
 */
export const AvatarState = schema(
  {
    nickname: t.string().default(''),
    color: t.string().default('#1971c2'),
    role: t.string().default('resident'),
    /** This person's number in the position messages of this hall room (protocol/poses.ts). */
    n: t.uint16().default(0),
    /** Area id the avatar stands in, kept by the server so lists need no geometry. */
    area: t.string().default(''),
    /** True while the owner is disconnected and may still come back. */
    away: t.boolean().default(false),
    /** In a private consultation room: shown there, not in the hall. */
    consulting: t.boolean().default(false),
    /** Staff only: the counter they are working, '' otherwise. */
    counterId: t.string().default(''),
    /** Auditorium seat the avatar sits on, '' when standing. */
    seat: t.string().default(''),
  },
  'AvatarState',
);
export type AvatarState = SchemaType<typeof AvatarState>;

/**
 * A counter as every resident sees it: status, staff on duty and queue length. Public and small (one per
 * counter), so it is shared with everyone rather than by interest.
 */
export const CounterState = schema(
  {
    status: t.string().default('closed'),
    staffOnDuty: t.uint8().default(0),
    waiting: t.uint16().default(0),
    /**
     * The number board: numbers called or being served at this counter, the latest first, comma-separated
     * ("15,12"; '' when none). One string rather than an array: it changes as a whole, at each call.
     */
    calling: t.string().default(''),
    /** Within opening hours now (by the city's clock). */
    withinHours: t.boolean().default(false),
    /** ISO time of the next opening when outside hours, '' otherwise. */
    opensAt: t.string().default(''),
  },
  'CounterState',
);
export type CounterState = SchemaType<typeof CounterState>;

export const HallState = schema(
  {
    /** The nearest people, in full, to each client (its StateView); keyed by session id. */
    avatars: t.map(AvatarState).view(),
    counters: t.map(CounterState),
    /** People in this hall room. */
    population: t.uint16().default(0),
    areaCounts: t.map('uint16'),
    /** Which hall room this is (1, 2, …): a room is only "who you see", the counters are shared. */
    hall: t.uint8().default(1),
    /** People in all hall rooms together. */
    building: t.uint16().default(0),
  },
  'HallState',
);
export type HallState = SchemaType<typeof HallState>;
