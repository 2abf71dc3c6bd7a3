import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../server/src/db/database.ts';
import { cityClock, createUsageCounts } from '../../server/src/services/usageCounts.ts';
import { sampleUsage } from '../../server/src/services/usageSampler.ts';
import { localDeskBus } from '../../server/src/desk/deskBus.ts';
import { createLogger } from '../../server/src/logger.ts';
import { testDatabase } from '../support/testDatabase.ts';

describe('usage counts: per city day and hour, anonymous', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase(await testDatabase(':memory:'));
    await migrateToLatest(db);
  });
  afterEach(async () => db.destroy());

  const rows = () =>
    db
      .selectFrom('usage_counts')
      .selectAll()
      .orderBy('kind')
      .orderBy('subject')
      .execute()
      .then((r) =>
        r.map((x) => ({ ...x, hour: Number(x.hour), count: Number(x.count), peak: Number(x.peak) })),
      );

  it("counts by the city's calendar and clock, adding counts and keeping the largest peak", async () => {
    const usage = createUsageCounts(
      db,
      cityClock(() => 'Asia/Tokyo'),
    );
    // 23:30 UTC on the 5th is 08:30 on the 6th in Tokyo.
    const at = new Date('2025-01-05T23:30:00Z');
    await usage.add('hall', '', { peak: 3, at });
    await usage.add('hall', '', { peak: 7, at });
    await usage.add('hall', '', { peak: 5, at });
    await usage.add('checklist', 'birth', { at });
    expect(await rows()).toEqual([
      { day: '2025-01-06', hour: 8, kind: 'checklist', subject: 'birth', count: 1, peak: 0 },
      { day: '2025-01-06', hour: 8, kind: 'hall', subject: '', count: 3, peak: 7 },
    ]);
  });

  it('a minute is sampled once, by whichever process claims it: people inside and staff minutes', async () => {
    const usage = createUsageCounts(
      db,
      cityClock(() => 'Asia/Tokyo'),
    );
    const bus = localDeskBus();
    const deps = {
      usage,
      population: async () => 12,
      staffOnDuty: () =>
        new Map([
          ['shimin', 2],
          ['zeimu', 1],
          ['fukushi', 0],
        ]),
      claim: (key: string, ttlMs: number) => bus.claim(key, ttlMs),
      log: createLogger('silent'),
    };
    const now = Date.parse('2025-01-06T01:00:10Z'); // 10:00 in Tokyo
    await sampleUsage(deps, now);
    await sampleUsage(deps, now + 20_000); // the same minute: another process already sampled it
    await sampleUsage(deps, now + 60_000);
    expect(await rows()).toEqual([
      { day: '2025-01-06', hour: 10, kind: 'hall', subject: '', count: 0, peak: 12 },
      { day: '2025-01-06', hour: 10, kind: 'staffMinutes', subject: 'shimin', count: 4, peak: 0 },
      { day: '2025-01-06', hour: 10, kind: 'staffMinutes', subject: 'zeimu', count: 2, peak: 0 },
    ]);
  });
});
