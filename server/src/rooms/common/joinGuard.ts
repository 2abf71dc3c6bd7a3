import { ServerError } from '@colyseus/core';

/**
 * Seat reservations that have not turned into a connection yet, per client address. A reservation holds
 * a place in a room for the reservation time whether or not anyone connects, so plain HTTP requests
 * could fill rooms and lock people out; a few at a time per address is plenty for a household or a
 * classroom behind one address, whose joins each connect within a second.
 */
export interface JoinGuard {
  /** Before a seat is reserved: refuses an address with too many reservations in flight. */
  reserve(address: string): void | Promise<void>;
  /** The reservation turned into a connection (on whichever process runs the room). */
  connected(address: string): void;
}
export interface JoinGuardOptions {
  perAddress: number;
  windowMs: number;
}

export const tooManyJoins = () =>
  new ServerError(429, 'tooManyJoins: too many joins from this address at once; try again');

/** One process: the reservations are counted in memory. */
export function createJoinGuard(opts: JoinGuardOptions) {
  const pending = new Map<string, number[]>(); // address → when each reservation lapses

  const live = (address: string, now: number) => {
    const list = (pending.get(address) ?? []).filter((until) => until > now);
    if (list.length > 0) pending.set(address, list);
    else pending.delete(address);
    return list;
  };

  return {
    /** Before a seat is reserved: refuses an address with too many reservations in flight. */
    reserve(address: string, now = Date.now()): void {
      const list = live(address, now);
      if (list.length >= opts.perAddress) {
        throw tooManyJoins();
      }
      list.push(now + opts.windowMs);
      pending.set(address, list);
    },
    /** The reservation turned into a connection. */
    connected(address: string, now = Date.now()): void {
      const list = live(address, now);
      list.shift();
      if (list.length === 0) pending.delete(address);
    },
    pendingFor: (address: string, now = Date.now()) => live(address, now).length,
  };
}
