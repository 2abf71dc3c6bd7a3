import type { Redis } from 'ioredis';
import { DomainError, isDomainError } from '../domainError.ts';
import { sharedLimiter, type Limit } from './sharedLimiter.ts';

/**
 * A booking code is the key to a booking (look it up, cancel it, check in with it). Codes are long
 * enough not to be guessed, and wrong ones are counted per address: past the allowance, every code
 * lookup from that address is refused for a while, so guessing stays hopeless even from a script.
 */
export function createCodeGuessGuard(limit: Limit, redis?: Redis) {
  const misses = sharedLimiter('booking-code-misses', limit, redis);
  return {
    async attempt<T>(address: string, run: () => Promise<T>): Promise<T> {
      const waitS = await misses.wait(address);
      if (waitS !== null) {
        throw new DomainError(
          'rateLimited',
          `too many wrong booking codes from this address: try again in ${Math.ceil(waitS / 60)} min`,
        );
      }
      try {
        return await run();
      } catch (err) {
        if (isDomainError(err) && err.code === 'noSuchBooking') await misses.take(address);
        throw err;
      }
    },
  };
}
export type CodeGuessGuard = ReturnType<typeof createCodeGuessGuard>;
