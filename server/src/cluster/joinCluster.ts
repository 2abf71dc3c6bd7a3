import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisPresence } from '@colyseus/redis-presence';
import { RedisDriver } from '@colyseus/redis-driver';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { createRedisDeskBus } from './redisDeskBus.ts';
import { postgresQueueLock } from './postgresQueueLock.ts';
import { redisJoinGuard } from './redisJoinGuard.ts';
import type { JoinGuardOptions } from '../rooms/common/joinGuard.ts';

const CONSULTATION_KEY = 'city-hall:consultation-key';

/**
 * What one process of several needs: Colyseus' Redis presence and driver (rooms of every process are
 * found by the matchmaker), the desk bus, the queue lock in PostgreSQL, and the secret that proves to
 * a consultation room (on any process) that the server opened it.
 */
export async function joinCluster(redisUrl: string, db: Db, log: Logger) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  // The first process makes the secret; the others read it.
  await redis.set(CONSULTATION_KEY, randomBytes(24).toString('base64url'), 'NX');
  const consultationKey = (await redis.get(CONSULTATION_KEY))!;
  const processId = randomUUID().slice(0, 8);
  const bus = await createRedisDeskBus(redisUrl, processId, log);
  log.info('joined the cluster', { processId });
  return {
    presence: new RedisPresence(redisUrl),
    driver: new RedisDriver(redisUrl),
    bus,
    queueLock: postgresQueueLock(db),
    consultationKey,
    /** For counters every process shares (sign-in tries). */
    redis,
    joinGuard: (opts: JoinGuardOptions) => redisJoinGuard(redis, opts, log),
    async close() {
      await bus.close();
      redis.disconnect();
    },
  };
}
