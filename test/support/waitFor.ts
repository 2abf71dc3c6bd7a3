/** Polls `predicate` until it returns a truthy value or `timeoutMs` passes; returns that value. */
export async function waitFor<T>(
  predicate: () => T,
  timeoutMs = 5000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves after `ms`; for letting time pass when asserting that something does NOT happen. */
export const settle = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls an asynchronous check (an HTTP answer, Janus's list) until it holds or `timeoutMs` passes. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
