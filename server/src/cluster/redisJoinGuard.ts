import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { tooManyJoins, type JoinGuard, type JoinGuardOptions } from '../rooms/common/joinGuard.ts';
import type { Logger } from '../logger.ts';

/**
 * The per-address cap on seat reservations, shared by all processes: a join asked of one process may
 * reserve a seat in a room of another, whose connection then releases it. Each address is a sorted set
 * of reservations scored by when they lapse.
 */
export function redisJoinGuard(redis: Redis, opts: JoinGuardOptions, log: Logger): JoinGuard {
  const key = (address: string) => `city-hall:joins:${address}`;
  return {
    async reserve(address) {
      const now = Date.now();
      const k = key(address);
      const [, [, count]] = (await redis.multi().zremrangebyscore(k, '-inf', now).zcard(k).exec()) as [
        [null, number],
        [null, number],
      ];
      if (count >= opts.perAddress) throw tooManyJoins();
      await redis
        .multi()
        .zadd(k, now + opts.windowMs, randomUUID())
        .pexpire(k, opts.windowMs)
        .exec();
    },
    connected(address) {
      redis
        .zpopmin(key(address))
        .catch((err: unknown) => log.warn('releasing a join reservation failed', err));
    },
  };
}
