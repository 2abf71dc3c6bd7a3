import type { Redis } from 'ioredis';
import { DomainError, isDomainError } from '../domainError.ts';
import { sharedLimiter, type Limit } from './sharedLimiter.ts';

/**
 * A booking code is the key to a booking (look it up, cancel it, check in with it). Codes are long
 * enough not to be guessed, and wrong ones are counted per address: past the allowance, every code
 * lookup from that address is refused for a while, so guessing stays hopeless even from a script.
 */
const GUESSES = new Set(['noSuchBooking', 'notHolder']);

export function createCodeGuessGuard(limit: Limit, redis?: Redis) {
  const misses = sharedLimiter('booking-code-misses', limit, redis);
  return {
    async attempt<T>(address: string, run: () => Promise<T>): Promise<T> {
      // The point is taken before the lookup, so guesses sent all at once cannot all pass a check made
      // before any of them was counted; a code that exists gives it back.
      const waitS = await misses.take(address);
      if (waitS !== null) {
        throw new DomainError(
          'rateLimited',
          `too many wrong booking codes from this address: try again in ${Math.ceil(waitS / 60)} min`,
        );
      }
      try {
        const result = await run();
        await misses.give(address);
        return result;
      } catch (err) {
        // A wrong code, or the right code with the wrong name (guessing the name), stays counted.
        if (!isDomainError(err) || !GUESSES.has(err.code)) await misses.give(address);
        throw err;
      }
    },
  };
}
export type CodeGuessGuard = ReturnType<typeof createCodeGuessGuard>;
