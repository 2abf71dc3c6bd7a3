import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { DomainError } from '../domainError.ts';

/** `points` per `perSeconds` for each key. */
export interface Limit {
  points: number;
  perSeconds: number;
}

/**
 * A counter per key shared by all processes when Redis is given (atomic there), else kept in this
 * process. If Redis cannot be reached the count goes on in memory rather than letting everything through.
 */
export function sharedLimiter(name: string, limit: Limit, redis?: Redis) {
  const opts = { keyPrefix: `city-hall:${name}`, points: limit.points, duration: limit.perSeconds };
  const memory = new RateLimiterMemory(opts);
  const store: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory })
    : memory;
  /** Uses one point; null when allowed, else the seconds until a point is free again. */
  async function take(key: string): Promise<number | null> {
    try {
      await store.consume(key);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw err;
    }
  }
  /** Uses one point, or refuses with `rateLimited`, saying what and for how long (also as Retry-After). */
  async function spend(key: string, what: string): Promise<void> {
    const waitS = await take(key);
    if (waitS !== null) {
      throw new DomainError(
        'rateLimited',
        `too many ${what} from this address: try again in ${waitS} s`,
        waitS,
      );
    }
  }
  return {
    take,
    spend,
    /**
     * Runs an action that costs a point: refused as `spend` refuses when none is left, and the point
     * comes back if the action is refused (it did not happen).
     */
    async counted<T>(key: string, what: string, run: () => Promise<T>): Promise<T> {
      await spend(key, what);
      try {
        return await run();
      } catch (err) {
        await store.reward(key);
        throw err;
      }
    },
    /** Gives a point back (the action turned out not to count). */
    give: async (key: string) => void (await store.reward(key)),
    /** Forgets the key's count. */
    clear: async (key: string) => void (await store.delete(key)),
  };
}
export type SharedLimiter = ReturnType<typeof sharedLimiter>;
