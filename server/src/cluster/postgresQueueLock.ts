import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { QueueCoordination } from '../services/queueService.ts';

/** The advisory lock every process takes before changing the queue (any fixed number, ours alone). */
const QUEUE_LOCK = 73_310_001;

/**
 * With several processes, one queue change at a time among all of them: a PostgreSQL advisory lock
 * held on one connection for the change (its statements run on the pool and are committed before the
 * lock is let go, so the next holder reads them).
 */
export function postgresQueueLock(db: Db): QueueCoordination {
  return {
    exclusive: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`SELECT pg_advisory_lock(${QUEUE_LOCK})`.execute(conn);
        try {
          return await fn();
        } finally {
          await sql`SELECT pg_advisory_unlock(${QUEUE_LOCK})`.execute(conn);
        }
      }),
  };
}
