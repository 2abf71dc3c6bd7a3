/**
 * `npm run bench:figures`: how long the admins' figures and the public open data take over a busy
 * city's 90 days (the tickets are kept that long), and what checking and switching the hall plan costs.
 * Seeds a throwaway SQLite database; prints numbers, asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { startTestServer } from '../support/testServer.ts';
import { signIn } from '../integration/staffQueue.ts';
import { ticketRow } from '../support/ticketRow.ts';
import { checkLayoutText } from '../../server/src/hall/layoutCheck.ts';
import { DEMO_HALL_FILE } from '../../server/src/hall/hallFromFile.ts';
import { createHall } from '../../shared/layout/hallLayout.ts';
import { safeSpots } from '../../shared/layout/safeSpot.ts';
import { dayStartsAt } from '../../shared/hours/openingHours.ts';

const DAYS = 90;
const TICKETS_PER_DAY = 1000;
const COUNTERS = [
  'shimin',
  'shiminzei',
  'shuno',
  'kokuho-nenkin',
  'kenko',
  'kaigo',
  'shogai',
  'seikatsu',
  'kosodate',
  'hoiku',
];
const OUTCOMES = ['resolved', 'followUp', 'referred', null];

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
async function timed(label: string, runs: number, run: () => Promise<unknown>): Promise<void> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  console.log(
    `${label}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (${runs} runs)`,
  );
}

const server = await startTestServer({ OPEN_DATA_REQUESTS_PER_ADDRESS: '100000' });
try {
  const { db } = server;
  const timeZone = 'Asia/Tokyo';
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const dayBefore = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  let rand = 42;
  const random = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const seedStart = performance.now();
  for (let d = 1; d <= DAYS; d++) {
    const day = dayBefore(d);
    const opens = dayStartsAt(day, timeZone).getTime() + 8.5 * 3_600_000;
    const tickets = Array.from({ length: TICKETS_PER_DAY }, (_, i) => {
      const taken = opens + random() * 8 * 3_600_000;
      const wait = random() * 40 * 60_000;
      const noShow = random() < 0.05;
      return ticketRow(new Date(taken).toISOString(), {
        day,
        number: i + 1,
        counter_id: COUNTERS[i % COUNTERS.length]!,
        resident_key: `rk-${d}-${i}`,
        status: noShow ? 'noShow' : 'done',
        called_at: new Date(taken + wait).toISOString(),
        served_at: noShow ? null : new Date(taken + wait).toISOString(),
        finished_at: new Date(taken + wait + 600_000).toISOString(),
        staff_id: 1,
      });
    });
    for (let i = 0; i < tickets.length; i += 100) {
      const rows = await db
        .insertInto('queue_tickets')
        .values(tickets.slice(i, i + 100))
        .returning(['id', 'number', 'counter_id', 'called_at', 'status'])
        .execute();
      const records = rows
        .filter((r) => r.status === 'done')
        .map((r) => ({
          ticket_id: r.id,
          ticket_number: r.number,
          counter_id: r.counter_id,
          procedure_id: null,
          staff_id: 1,
          started_at: r.called_at!,
          outcome: OUTCOMES[r.number % OUTCOMES.length]!,
          referred_to: null,
          updated_at: r.called_at!,
          rating: r.number % 3 === 0 ? 1 + (r.number % 5) : null,
          rating_comment: null,
        }));
      if (records.length > 0) await db.insertInto('consultation_records').values(records).execute();
    }
    await db.insertInto('hall_visits').values({ day, entries: 1500, peak_population: 220 }).execute();
    await db
      .insertInto('usage_counts')
      .values(
        Array.from({ length: 10 }, (_, h) => ({
          day,
          hour: 8 + h,
          kind: 'hall',
          subject: '',
          count: 150,
          peak: 200,
        })),
      )
      .execute();
  }
  console.log(
    `seeded ${DAYS} days × ${TICKETS_PER_DAY} numbers (SQLite) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const admin = await signIn(server.url, 'demo-admin');
  const get = async (path: string, cookie?: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.text();
  };
  for (const span of [7, 30, 90]) {
    await timed(`GET /api/figures, ${span} days`, 10, () =>
      get(`/api/figures?from=${dayBefore(span)}&to=${dayBefore(1)}`, admin),
    );
  }
  await timed('GET /api/figures/counters.csv, 90 days', 10, () =>
    get(`/api/figures/counters.csv?from=${dayBefore(90)}&to=${dayBefore(1)}`, admin),
  );
  // Open data answers are cached for 5 minutes: each run asks for another period, so none is cached.
  let shift = 0;
  await timed('GET /api/open-data/waits.csv, 30 days (not cached)', 10, () => {
    shift++;
    return get(`/api/open-data/waits.csv?from=${dayBefore(30 + shift)}&to=${dayBefore(1 + shift)}`);
  });
  await timed('GET /api/open-data/visits-hourly.json, 60 days (not cached)', 10, () => {
    shift++;
    return get(
      `/api/open-data/visits-hourly.json?from=${dayBefore(60 + (shift % 25))}&to=${dayBefore(1 + (shift % 25))}`,
    );
  });
  await timed('GET /api/open-data/waits.csv, 30 days (cached)', 10, () =>
    get(`/api/open-data/waits.csv?from=${dayBefore(30)}&to=${dayBefore(1)}`),
  );
  await timed('GET /api/hall (the plan, 14 KB gzip-able JSON)', 50, () => get('/api/hall'));

  const text = readFileSync(DEMO_HALL_FILE, 'utf8');
  await timed('checking the demo hall file completely (schema, plan, reachability)', 50, async () =>
    checkLayoutText(text),
  );
  const checked = checkLayoutText(text);
  if (!checked.ok) throw new Error('demo hall invalid');
  const people = Array.from({ length: 300 }, () => [random() * 58 - 29, random() * 38 - 19] as const);
  await timed('a plan change in a full hall room: new hall + safe spot for 300 people', 50, async () => {
    const spotFor = safeSpots(createHall(checked.layout));
    for (const [x, z] of people) spotFor(x, z);
  });
} finally {
  await server.stop();
}
