import type { Logger } from '../logger.ts';
import type { UsageCounts } from './usageCounts.ts';

/** One sample a minute: staff on duty then count as a minute each. */
export const SAMPLE_MS = 60_000;

export interface SamplerDeps {
  usage: Pick<UsageCounts, 'add'>;
  /** People in every hall room of every process now. */
  population(): Promise<number>;
  /** Staff on duty now per counter, in every hall room of every process. */
  staffOnDuty(): ReadonlyMap<string, number>;
  /** With several processes, only the one that claims a minute samples it (each sees everyone). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  log: Logger;
}

/**
 * Samples what entries alone cannot tell: how many people are in the hall in an hour without
 * newcomers, and how long staff are on duty at each counter (for "served per staff hour").
 */
export async function sampleUsage(deps: SamplerDeps, now = Date.now()): Promise<void> {
  const minute = Math.floor(now / SAMPLE_MS);
  if (!(await deps.claim(`usage-sample:${minute}`, 2 * SAMPLE_MS))) return;
  const at = new Date(now);
  const people = await deps.population();
  if (people > 0) await deps.usage.add('hall', '', { count: 0, peak: people, at });
  for (const [counterId, staff] of deps.staffOnDuty()) {
    if (staff > 0) await deps.usage.add('staffMinutes', counterId, { count: staff, at });
  }
}

export function startUsageSampler(deps: SamplerDeps): () => void {
  const timer = setInterval(
    () => void sampleUsage(deps).catch((err: unknown) => deps.log.warn('usage sample failed', err)),
    SAMPLE_MS,
  );
  timer.unref();
  return () => clearInterval(timer);
}
