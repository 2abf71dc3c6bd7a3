import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../../server/src/db/database.ts';
import {
  createQueueService,
  DEFAULT_SERVICE_MINUTES,
  type QueueService,
} from '../../../server/src/services/queueService.ts';
import { DomainError } from '../../../server/src/domainError.ts';
import { testDatabase } from '../../support/testDatabase.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-11-25T01:00:00Z');
const STAFF_A = 1;
const STAFF_B = 2;
const ON_DUTY = { staffOnDuty: 1, serving: true };

async function fresh(): Promise<{ db: Db; queue: QueueService }> {
  const db = openDatabase(await testDatabase(':memory:'));
  await migrateToLatest(db);
  const queue = createQueueService(db, { dayOf: (at) => new Date(at).toISOString().slice(0, 10) });
  await queue.load(T0);
  return { db, queue };
}

const take = (q: QueueService, resident: string, at: number, counterId = 'shimin') =>
  q.take({ counterId, procedureId: null, residentKey: resident }, at);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('queue service', () => {
  let queue: QueueService;
  let db: Db;
  beforeEach(async () => ({ db, queue } = await fresh()));
  afterEach(() => db.destroy());

  it('numbers tickets in order of taking and serves the first one first', async () => {
    const a = await take(queue, 'ra', T0);
    const b = await take(queue, 'rb', T0 + 1000);
    const c = await take(queue, 'rc', T0 + 2000, 'kokuho');
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    expect(queue.view(a, ON_DUTY, MIN, T0).position).toBe(1);
    expect(queue.view(b, ON_DUTY, MIN, T0).position).toBe(2);
    expect(queue.view(c, ON_DUTY, MIN, T0).position).toBe(1);
    const called = await queue.callNext('shimin', STAFF_A, T0 + 3000);
    expect(called.id).toBe(a.id);
    expect(queue.view(queue.ticketOf('rb')!, ON_DUTY, MIN, T0).position).toBe(1);
  });

  it('numbers taken at the same moment are all distinct', async () => {
    const tickets = await Promise.all(
      Array.from({ length: 20 }, (_, i) => take(queue, `r${i}`, T0, i % 2 ? 'shimin' : 'kokuho')),
    );
    expect(new Set(tickets.map((t) => t.number)).size).toBe(20);
  });

  it('one number per resident at a time, and leaving frees them', async () => {
    await take(queue, 'ra', T0);
    expect(await refusal(take(queue, 'ra', T0 + 1, 'kokuho'))).toBe('alreadyQueued');
    await queue.leave('ra', T0 + 2);
    expect(queue.ticketOf('ra')).toBeUndefined();
    expect((await take(queue, 'ra', T0 + 3, 'kokuho')).counterId).toBe('kokuho');
  });

  it('a staff member handles one resident at a time, and only their own', async () => {
    const a = await take(queue, 'ra', T0);
    await take(queue, 'rb', T0 + 1);
    await queue.callNext('shimin', STAFF_A, T0 + 2);
    expect(await refusal(queue.callNext('shimin', STAFF_A, T0 + 3))).toBe('alreadyServing');
    expect(await refusal(queue.done(a.id, STAFF_B, T0 + 4))).toBe('notYourTicket');
    expect(await refusal(queue.callNext('kokuho', STAFF_B, T0 + 5))).toBe('queueEmpty');
  });

  it('an unanswered call becomes a no-show after the grace time, and the next resident is up', async () => {
    const a = await take(queue, 'ra', T0);
    const b = await take(queue, 'rb', T0 + 1);
    await queue.callNext('shimin', STAFF_A, T0 + 10);
    expect(await queue.expireCalls(T0 + 10 + 30_000, 60_000)).toEqual([]);
    const late = await queue.expireCalls(T0 + 10 + 61_000, 60_000);
    expect(late.map((t) => t.id)).toEqual([a.id]);
    expect(queue.ticketOf('ra')).toBeUndefined();
    expect((await queue.callNext('shimin', STAFF_A, T0 + 70_000)).id).toBe(b.id);
  });

  it('a staff member can mark a called resident as a no-show, but not one being served', async () => {
    const a = await take(queue, 'ra', T0);
    await queue.callNext('shimin', STAFF_A, T0 + 1);
    await queue.answer('ra', T0 + 2);
    expect(await refusal(queue.noShow(a.id, STAFF_A, T0 + 3))).toBe('ticketNotActive');
  });

  it('a transfer keeps the resident’s place: ahead of everyone who took a number later', async () => {
    const early = await take(queue, 'early', T0);
    await take(queue, 'k1', T0 + 1 * MIN, 'kokuho');
    await take(queue, 'k2', T0 + 3 * MIN, 'kokuho');
    await queue.callNext('shimin', STAFF_A, T0 + 4 * MIN);
    await queue.answer('early', T0 + 4 * MIN);
    const moved = await queue.transfer(early.id, STAFF_A, 'kokuho', '転入後の国保加入', T0 + 6 * MIN);
    expect(moved).toMatchObject({ status: 'waiting', counterId: 'kokuho', transferFrom: 'shimin' });
    const order = queue.entries('kokuho', new Set()).map((e) => e.number);
    expect(order).toEqual([early.number, early.number + 1, early.number + 2]);
    expect(queue.view(queue.ticketOf('early')!, ON_DUTY, MIN, T0).position).toBe(1);
    expect(queue.entries('kokuho', new Set())[0]!.transferNote).toBe('転入後の国保加入');
    expect(await refusal(queue.transfer(early.id, STAFF_A, 'shimin', '', T0 + 7 * MIN))).toBe(
      'notYourTicket',
    );
  });

  it('estimates the wait from today’s service times, the staff on duty and who is being served', async () => {
    const first = await take(queue, 'r0', T0);
    const view = (r: string, at: number, staffOnDuty = 1, serving = true) =>
      queue.view(queue.ticketOf(r)!, { staffOnDuty, serving }, MIN, at);
    // Nobody ahead and the staff member free: shortly, on the default basis.
    expect(view('r0', T0)).toMatchObject({
      etaMinutes: 0,
      etaBasis: { servicesToday: 0, averageMinutes: DEFAULT_SERVICE_MINUTES },
    });
    // Next in line while the first is served: what is left of a default consultation, not a fresh one.
    await take(queue, 'r1', T0 + 1);
    await queue.callNext('shimin', STAFF_A, T0 + 2);
    await queue.answer('r0', T0 + 2);
    expect(view('r1', T0 + 2 + 1 * MIN).etaMinutes).toBe(DEFAULT_SERVICE_MINUTES - 1);
    // One running past the average still takes a minute, not "shortly".
    expect(view('r1', T0 + 2 + 9 * MIN).etaMinutes).toBe(1);
    // Two residents served in 2 and 4 minutes: 3 minutes each on average.
    await queue.done(first.id, STAFF_A, T0 + 2 + 2 * MIN);
    const second = await queue.callNext('shimin', STAFF_A, T0 + 3 * MIN);
    await queue.answer('r1', T0 + 3 * MIN);
    await queue.done(second.id, STAFF_A, T0 + 7 * MIN);
    for (const r of ['r2', 'r3', 'r4', 'r5']) await take(queue, r, T0 + 8 * MIN);
    const at = T0 + 8 * MIN;
    expect(view('r2', at)).toMatchObject({
      etaMinutes: 0,
      etaBasis: { servicesToday: 2, averageMinutes: 3 },
    });
    expect(view('r3', at).etaMinutes).toBe(3);
    expect(view('r5', at).etaMinutes).toBe(9);
    // Two staff: r2 and r3 at once, r4 and r5 when the first two are done.
    expect(view('r5', at, 2).etaMinutes).toBe(3);
    // Nobody on duty, or the staff member away: nobody is free, even for the next in line.
    expect(view('r2', at, 0).etaMinutes).toBe(3);
    expect(view('r2', at, 1, false).etaMinutes).toBe(3);
    // Yesterday's consultations are not today's basis.
    expect(view('r3', at + 24 * 60 * MIN).etaBasis.servicesToday).toBe(0);
  });

  it('gives up waiting tickets of residents gone longer than the grace time, not present ones', async () => {
    await take(queue, 'gone', T0);
    await take(queue, 'here', T0);
    const expired = await queue.expireAbsent(new Set(['here']), T0 + 5 * MIN, 3 * MIN);
    expect(expired.map((t) => t.residentKey)).toEqual(['gone']);
    expect(queue.ticketOf('here')).toBeDefined();
  });

  it('active tickets and the order survive a restart (a new service over the same database)', async () => {
    await take(queue, 'ra', T0);
    await take(queue, 'rb', T0 + 1);
    await queue.callNext('shimin', STAFF_A, T0 + 2);
    const after = createQueueService(db, { dayOf: (at) => new Date(at).toISOString().slice(0, 10) });
    await after.load(T0 + 10 * MIN);
    expect(after.ticketOf('ra')?.status).toBe('called');
    expect(after.view(after.ticketOf('rb')!, ON_DUTY, MIN, T0).position).toBe(1);
    // The absence grace restarts at the restart, not at the ticket's last sighting.
    expect(await after.expireAbsent(new Set(), T0 + 11 * MIN, 3 * MIN)).toEqual([]);
    expect(
      (await after.take({ counterId: 'shimin', procedureId: null, residentKey: 'rc' }, T0 + 12 * MIN)).number,
    ).toBe(3);
  });

  it('a call made before a restart longer than the grace gets a fresh grace from the restart', async () => {
    await take(queue, 'ra', T0);
    await queue.callNext('shimin', STAFF_A, T0 + 1);
    // Down for ten minutes, five times the call grace.
    const after = createQueueService(db, { dayOf: (at) => new Date(at).toISOString().slice(0, 10) });
    await after.load(T0 + 10 * MIN);
    const grace = 2 * MIN;
    expect(after.view(after.ticketOf('ra')!, ON_DUTY, grace, T0 + 10 * MIN).answerBy).toBe(T0 + 12 * MIN);
    expect(await after.expireCalls(T0 + 10 * MIN + 1000, grace)).toEqual([]);
    expect(after.ticketOf('ra')?.status).toBe('called');
    // Without an answer the fresh grace lapses like any other.
    expect((await after.expireCalls(T0 + 12 * MIN + 1000, grace)).map((t) => t.residentKey)).toEqual(['ra']);
  });
});
