import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

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
  return {
    /** Uses one point; null when allowed, else the seconds until a point is free again. */
    async take(key: string): Promise<number | null> {
      try {
        await store.consume(key);
        return null;
      } catch (err) {
        if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
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
