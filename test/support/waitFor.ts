/**
 * Polls `predicate` (which may be asynchronous: an HTTP answer, Janus's list) every `intervalMs` until
 * it gives a truthy value or `timeoutMs` passes; returns that value.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  timeoutMs = 5000,
  what = 'condition',
  intervalMs = 20,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await settle(intervalMs);
  }
}

/** Resolves after `ms`; for letting time pass when asserting that something does NOT happen. */
export const settle = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
