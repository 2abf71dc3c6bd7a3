import type { Redis } from 'ioredis';
import { sharedLimiter } from '../limits/sharedLimiter.ts';

export interface SignInPolicy {
  /** Tries for one account from one address per window (the right password refunds them). */
  maxFailures: number;
  /** Tries from one address over all accounts per window (stops spraying one password over many). */
  maxFailuresPerAddress: number;
  lockMinutes: number;
}

export type SignInGate = { ok: true } | { ok: false; retryAfterS: number };

/**
 * Sign-in tries are counted before the password is checked, each in one atomic step (in memory, or in
 * Redis when several processes share the count): of many tries at once only the budget's worth reach
 * the password hash, whichever of them holds the right password. A success refunds what it used.
 *
 * The count is per account *and address*, never per account alone: somebody elsewhere who knows a
 * host's username (they are public on the events page) cannot lock the host out before a briefing;
 * they only slow themselves down. Guessing from many addresses is slowed by the per-address budget,
 * the memory-hard hash and long passwords.
 */
export function createSignInLimits(policy: SignInPolicy, redis?: Redis) {
  const perSeconds = policy.lockMinutes * 60;
  const pair = sharedLimiter('signin-account-address', { points: policy.maxFailures, perSeconds }, redis);
  const address = sharedLimiter(
    'signin-address',
    { points: policy.maxFailuresPerAddress, perSeconds },
    redis,
  );
  const pairKey = (username: string, from: string) => `${username.toLowerCase()}|${from}`;

  return {
    async attempt(username: string, from: string): Promise<SignInGate> {
      const waitPair = await pair.take(pairKey(username, from));
      if (waitPair !== null) return { ok: false, retryAfterS: waitPair };
      const waitAddress = await address.take(from);
      if (waitAddress === null) return { ok: true };
      await pair.give(pairKey(username, from));
      return { ok: false, retryAfterS: waitAddress };
    },
    /** The right password: this account's tries from here start over, and the address gets its try back. */
    async succeeded(username: string, from: string): Promise<void> {
      await pair.clear(pairKey(username, from));
      await address.give(from);
    },
  };
}
export type SignInLimits = ReturnType<typeof createSignInLimits>;
