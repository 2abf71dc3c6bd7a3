/**
 * Tries `attempt` until it succeeds, waiting the given delays between tries (the last one repeats),
 * for at most `forMs`, or until `give()` says to stop (the person left). True when it succeeded.
 */
export async function retryUntil(
  attempt: () => Promise<unknown>,
  opts: { delaysMs: readonly number[]; forMs: number; give: () => boolean },
  clock: { now(): number; sleep(ms: number): Promise<void> } = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  },
): Promise<boolean> {
  const until = clock.now() + opts.forMs;
  for (let i = 0; ; i++) {
    await clock.sleep(opts.delaysMs[Math.min(i, opts.delaysMs.length - 1)] ?? 0);
    if (opts.give()) return false;
    try {
      await attempt();
      return true;
    } catch {
      if (clock.now() >= until || opts.give()) return false;
    }
  }
}
