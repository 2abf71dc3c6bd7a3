import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limit } from '../../limits/sharedLimiter.ts';

/** How many messages of one type a client may send per window. */
export type Budget = Limit;

/**
 * Per-client budgets for a room's message types (a connection lives on one process, so counting in
 * memory is exact). Types without a budget of their own share `others`. Returns null when the message
 * may go on, or how many seconds until it may.
 */
export function messageBudget(budgets: Record<string, Budget>, others: Budget) {
  const limiter = (b: Budget) => new RateLimiterMemory({ points: b.points, duration: b.perSeconds });
  const byType = new Map(Object.entries(budgets).map(([type, b]) => [type, limiter(b)]));
  const rest = limiter(others);
  return async (sessionId: string, type: string): Promise<number | null> => {
    const own = byType.get(type);
    try {
      await (own ?? rest).consume(sessionId);
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  };
}
export type MessageBudget = ReturnType<typeof messageBudget>;
