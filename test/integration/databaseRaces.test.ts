import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../server/src/db/database.ts';
import { createQueueService } from '../../server/src/services/queueService.ts';
import { createBookingService } from '../../server/src/services/bookingService.ts';
import { createRecordService } from '../../server/src/services/recordService.ts';
import { createAuthService } from '../../server/src/auth/authService.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { isPostgres } from '../../server/src/db/dialect.ts';

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const settled = async <T>(ps: Promise<T>[]) => {
  const r = await Promise.allSettled(ps);
  return {
    ok: r.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : [])),
    refused: r
      .filter((x): x is PromiseRejectedResult => x.status === 'rejected')
      .map((x) => x.reason as { code?: string }),
  };
};

/**
 * What SQLite's single connection made safe by itself must hold on PostgreSQL too, where requests run
 * on several connections (and several processes) at once: each service here is created twice, over two
 * connection pools of the same database as two processes would be (one connection on SQLite), and the
 * two are raced.
 */
describe('races on the shared database', () => {
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    const target = await testDatabase(`${process.env.TMPDIR ?? '/tmp'}/races-${Date.now()}.sqlite`);
    a = openDatabase(target);
    await migrateToLatest(a);
    // Several processes share PostgreSQL; SQLite (the one-process default) has one connection.
    b = isPostgres(a) ? openDatabase(target) : a;
  });
  afterAll(async () => {
    await a.destroy();
    if (b !== a) await b.destroy();
  });

  it('queue numbers stay unique when two processes hand them out at once', async () => {
    const now = Date.parse('2026-12-02T01:00:00Z');
    const qa = createQueueService(a, { dayOf });
    const qb = createQueueService(b, { dayOf });
    await Promise.all([qa.load(now), qb.load(now)]);
    const takes = Array.from({ length: 30 }, (_, i) =>
      (i % 2 ? qa : qb).take({ counterId: 'shimin', procedureId: null, residentKey: `r${i}` }, now + i),
    );
    const { ok, refused } = await settled(takes);
    expect(refused).toEqual([]);
    expect(new Set(ok.map((t) => t.number)).size).toBe(30);
  });

  it('the last place of a slot goes to one booking only', async () => {
    const now = Date.parse('2026-12-02T01:00:00Z');
    const ba = createBookingService(a);
    const bb = createBookingService(b);
    const slot = await ba.publish(
      {
        counterId: 'shimin',
        procedureId: null,
        startsAt: new Date(now + 3_600_000).toISOString(),
        minutes: 20,
        capacity: 1,
      },
      1,
      now,
    );
    const tries = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? ba : bb).book(
        {
          slotId: slot.id,
          nickname: `n${i}`,
          procedureId: null,
          contact: null,
          holder: `holder-${i}`,
        },
        now,
      ),
    );
    const { ok, refused } = await settled(tries);
    expect(ok).toHaveLength(1);
    expect(refused.map((e) => e.code ?? String(e))).toEqual(refused.map(() => 'full'));
  });

  it('a consultation is rated once, whatever arrives first', async () => {
    const ra = createRecordService(a);
    const rb = createRecordService(b);
    await ra.open({ id: 4242, number: 1, counterId: 'shimin', procedureId: null }, 1);
    const { ok, refused } = await settled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? ra : rb).rate(4242, { rating: (i % 5) + 1, comment: '' }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(refused.every((e) => e.code === 'alreadyRated')).toBe(true);
  });

  it('a hall pass lets one person in, however many use it at once', async () => {
    const policy = { sessionHours: 8, maxFailures: 5, lockMinutes: 15 };
    const aa = createAuthService(a, policy);
    const ab = createAuthService(b, policy);
    await aa.createAccount({
      username: 'race',
      displayName: 'R',
      role: 'staff',
      password: 'long enough password',
    });
    const login = await aa.login('race', 'long enough password');
    if (!login.ok) throw new Error('sign-in failed');
    const pass = await aa.issueHallPass(login.profile.id);
    const redeemed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? aa : ab).redeemHallPass(pass)),
    );
    expect(redeemed.filter((p) => p !== null)).toHaveLength(1);
  });
});
