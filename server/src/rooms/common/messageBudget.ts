import { sharedLimiter, type Limit } from '../../limits/sharedLimiter.ts';

/** How many messages of one type a client may send per window. */
export type Budget = Limit;

/**
 * Per-client budgets for a room's message types (a connection lives on one process, so counting in
 * memory is exact). Types without a budget of their own share `others`. Returns null when the message
 * may go on, or how many seconds until it may.
 */
export function messageBudget(budgets: Record<string, Budget>, others: Budget) {
  const byType = new Map(
    Object.entries(budgets).map(([type, b]) => [type, sharedLimiter(`room-${type}`, b)]),
  );
  const rest = sharedLimiter('room-others', others);
  return (sessionId: string, type: string): Promise<number | null> =>
    (byType.get(type) ?? rest).take(sessionId);
}
export type MessageBudget = ReturnType<typeof messageBudget>;
