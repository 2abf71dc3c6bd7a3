import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import type { Figures } from '../../shared/protocol/figures.ts';
import { FIGURE_CHARTS } from '../../shared/figures/figureTables.ts';
import { addDays } from '../../shared/figures/days.ts';
import { localDay } from '../../shared/hours/openingHours.ts';
import { SCRIPTED_SECRETS, scriptFiguresDay } from '../support/figuresDay.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { enterConsultation, hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';

/**
 * The city's figures and open data against a scripted day: a past day written into the database with
 * known numbers (waits, no-shows, outcomes, ratings, link opens, entries per hour), and today's activity
 * through the real hall, consultation, guide, checklist and briefing. The same numbers must come out.
 */
describe('figures for the city and open data', () => {
  let server: TestServer;
  let admin: string;
  let zone: string;
  let today: string;
  /** The scripted past day. */
  let past: string;
  const open: Participant[] = [];
  const secretsToday: string[] = [];
  const briefing = briefingClients(() => server);

  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const figures = async (from: string, to: string): Promise<Figures> => {
    const res = await get(`/api/figures?from=${from}&to=${to}`, admin);
    expect(res.status).toBe(200);
    return (await res.json()) as Figures;
  };
  const post = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer({
      OPENING_HOURS: 'always',
      LOG_LEVEL: 'error',
      OPEN_DATA_REQUESTS_PER_ADDRESS: '40',
    });
    admin = await signIn(server.url, 'demo-admin');
    zone = getHall().layout.timeZone;
    today = localDay(new Date(), zone);
    past = addDays(today, -3);
    await scriptFiguresDay(server.db, past, zone);
  });
  afterAll(async () => {
    await briefing.leaveAll();
    for (const p of open) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  it('the scripted past day: the same numbers come out of the figures', async () => {
    const f = await figures(past, past);
    expect(f).toMatchObject({ from: past, to: past, timeZone: zone });
    expect(f.byHour).toHaveLength(24);
    expect(f.byHour.filter((h) => h.entries > 0 || h.peak > 0)).toEqual([
      { hour: 9, entries: 3, peak: 3 },
      { hour: 10, entries: 20, peak: 12 },
      { hour: 11, entries: 9, peak: 8 },
      { hour: 14, entries: 8, peak: 6 },
    ]);
    expect(f.byDay).toEqual([{ day: past, entries: 40, peak: 12 }]);
    const counter = (id: string) => f.counters.find((c) => c.counterId === id);
    expect(counter('shimin')).toMatchObject({
      number: 1,
      tickets: 10,
      called: 8,
      served: 6,
      noShows: 2,
      noShowRate: 0.25,
      waits: 8,
      waitP50Min: 5,
      waitP90Min: 12,
      staffHours: 2,
      servedPerStaffHour: 3,
    });
    expect(counter('shiminzei')).toMatchObject({
      tickets: 3,
      served: 3,
      noShows: 0,
      noShowRate: 0,
      waitP50Min: 2,
      waitP90Min: 3,
      staffHours: 0,
      servedPerStaffHour: null,
    });
    // Every counter of the hall is listed, the quiet ones with zeros.
    expect(counter('kaigo')).toMatchObject({ tickets: 0, noShowRate: null, waitP50Min: null });
    expect(f.outcomes).toEqual([
      { outcome: 'resolved', consultations: 5 },
      { outcome: 'followUp', consultations: 1 },
      { outcome: 'referred', consultations: 1 },
      { outcome: 'none', consultations: 2 },
    ]);
    expect(f.ratings).toEqual([
      { rating: 1, count: 0 },
      { rating: 2, count: 1 },
      { rating: 3, count: 0 },
      { rating: 4, count: 1 },
      { rating: 5, count: 5 },
    ]);
    expect(f.procedures.map((p) => [p.procedureId, p.opens])).toEqual([
      ['tennyu-todoke', 7],
      ['juminhyo-utsushi', 2],
    ]);
    expect(f.procedures[0]!.name?.ja).toContain('転入');
    expect(f.checklists).toEqual([expect.objectContaining({ lifeEventId: 'moving-in', started: 6 })]);
    expect(f.guide).toEqual([{ day: past, answered: 11, unanswered: 4 }]);
    // The day before has nothing (and is listed, with zeros).
    const before = await figures(addDays(past, -1), addDays(past, -1));
    expect(before.byDay).toEqual([{ day: addDays(past, -1), entries: 0, peak: 0 }]);
    expect(before.counters.every((c) => c.tickets === 0)).toBe(true);
  });

  it('each chart downloads as CSV (with a byte order mark), the same numbers as the JSON', async () => {
    for (const chart of FIGURE_CHARTS) {
      const res = await get(`/api/figures/${chart}.csv?from=${past}&to=${past}`, admin);
      expect(res.status, chart).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toContain(`figures-${chart}-${past}_${past}.csv`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const csv = await (await get(`/api/figures/counters.csv?from=${past}&to=${past}`, admin)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'counter,counterNumber,tickets,called,served,noShows,noShowRate,waits,waitP50Min,waitP90Min,staffHours,servedPerStaffHour',
    );
    expect(lines.find((l) => l.startsWith('市民課,'))).toMatch(/^市民課,1,10,8,6,2,0\.25,8,5,12,2,3$/);
    const outcomes = await (await get(`/api/figures/outcomes.csv?from=${past}&to=${past}`, admin)).text();
    expect(outcomes).toMatch(/^resolved,5\r?$/m);
  });

  it('open data for the past day: the same numbers, with every cell of 1–4 people suppressed', async () => {
    const list = (await (await get('/api/open-data/')).json()) as {
      license: { id: string; url: string; attribution: string };
      latestDay: string;
      suppression: { minimum: number; marker: string };
      datasets: {
        id: string;
        columns: { name: string; description: { ja: string; en: string } }[];
        links: { csv: string; json: string };
      }[];
    };
    expect(list.license).toMatchObject({
      id: 'CC-BY-4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(list.license.attribution).toBeTruthy();
    expect(list.latestDay).toBe(addDays(today, -1));
    expect(list.suppression).toMatchObject({ minimum: 5, marker: 'x' });
    expect(list.datasets.map((d) => d.id)).toEqual([
      'visits-daily',
      'visits-hourly',
      'waits',
      'procedures',
      'consultations',
      'ratings',
    ]);
    for (const d of list.datasets) {
      expect(d.links.csv).toBe(`/api/open-data/${d.id}.csv`);
      for (const c of d.columns)
        expect(c.description.ja && c.description.en, `${d.id}.${c.name}`).toBeTruthy();
    }

    const json = async (id: string) => {
      const res = await get(`/api/open-data/${id}.json?from=${past}&to=${past}`);
      expect(res.status, id).toBe(200);
      expect(res.headers.get('cache-control')).toContain('public');
      return ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
    };
    expect(await json('visits-daily')).toEqual([{ day: past, entries: 40, peak_people: 12 }]);
    // 3 entries at 9 are too few: the daily total (40) is published, so every hour under 10 entries is x
    // (3, 9, 8 and the empty hours), all 24 listed; only 10 o'clock (20) is shown.
    const hours = await json('visits-hourly');
    expect(hours.map((r) => r.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    for (const r of hours) {
      if (r.hour === 10) expect(r).toEqual({ day: past, hour: 10, entries: 20, peak_people: 12 });
      else
        expect(r).toEqual({
          day: past,
          hour: r.hour,
          entries: null,
          peak_people: null,
          suppressed: ['entries', 'peak_people'],
        });
    }
    const waits = await json('waits');
    expect(waits).toEqual([
      expect.objectContaining({
        counter_id: 'shimin',
        counter_number: 1,
        tickets: 10,
        no_shows: null,
        no_show_rate: null,
        // 8 waits: a median needs 10 and a 90th percentile 50 (5 people on each side).
        wait_p50_min: null,
        wait_p90_min: null,
        suppressed: ['no_shows', 'no_show_rate', 'wait_p50_min', 'wait_p90_min'],
      }),
      expect.objectContaining({
        counter_id: 'shiminzei',
        tickets: null,
        no_shows: 0,
        no_show_rate: null,
        wait_p50_min: null,
        wait_p90_min: null,
        suppressed: ['tickets', 'no_show_rate', 'wait_p50_min', 'wait_p90_min'],
      }),
    ]);
    expect((await json('procedures')).map((r) => [r.procedure_id, r.link_opens])).toEqual([
      ['tennyu-todoke', 7],
      ['juminhyo-utsushi', null],
    ]);
    expect((await json('consultations')).map((r) => [r.outcome, r.consultations])).toEqual([
      ['resolved', 5],
      ['followUp', null],
      ['referred', null],
      ['none', null],
    ]);
    expect((await json('ratings')).map((r) => [r.rating, r.consultations])).toEqual([
      [1, 0],
      [2, null],
      [3, 0],
      [4, null],
      [5, 5],
    ]);

    const csv = await get(`/api/open-data/waits.csv?from=${past}&to=${past}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('access-control-allow-origin')).toBe('*');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'day,counter_id,counter_name_ja,counter_name_en,counter_number,tickets,no_shows,no_show_rate,wait_p50_min,wait_p90_min',
    );
    expect(lines[1]).toMatch(new RegExp(`^${past},shimin,市民課,[^,]+,1,10,x,x,x,x$`));
    expect(lines[2]).toMatch(new RegExp(`^${past},shiminzei,[^,]+,[^,]+,2,x,0,x,x,x$`));
    const hourly = await (await get(`/api/open-data/visits-hourly.csv?from=${past}&to=${past}`)).text();
    expect(hourly).toMatch(
      new RegExp(`^${past},9,x,x\\r?\\n${past},10,20,12\\r?\\n${past},11,x,x\\r?$`, 'm'),
    );
  });

  it("today's activity through the real hall, desk, guide, checklists and a briefing", async () => {
    const cookie = await signIn(server.url, 'demo-staff');
    const staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, cookie),
    });
    open.push(staff);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => staff.queue()?.counterId === 'shimin', 5000, 'staff at counter 1');
    const akane = await joinHall(server.endpoint, { nickname: 'あかね' });
    const botan = await joinHall(server.endpoint, { nickname: 'ぼたん' });
    open.push(akane, botan);
    secretsToday.push('あかね', 'ぼたん', akane.visitorToken!, botan.visitorToken!, '佐藤');

    akane.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => akane.ticket()?.status === 'waiting', 5000, 'a number');
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => akane.ticket()?.status === 'called', 5000, 'called');
    akane.room.send(ClientMessage.answerCall, {});
    const [resRoom, staffRoom] = await Promise.all([enterConsultation(akane), enterConsultation(staff)]);
    const ticketId = akane.ticket()!.id;
    const record = await fetch(`${server.url}/api/records/${ticketId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ notes: 'ないしょの相談', outcome: 'resolved', referredTo: null }),
    });
    expect(record.status).toBe(200);
    staffRoom.send('end', {});
    await waitFor(() => resRoom.state.ended === 'done', 5000, 'the consultation ended');
    let rated = false;
    resRoom.onMessage('rated', () => (rated = true));
    resRoom.send('rate', { rating: 4, comment: 'ないしょの感想' });
    await waitFor(() => rated, 5000, 'the rating');
    await resRoom.leave();
    await staffRoom.leave();

    const procedures = (await (await get('/api/procedures')).json()) as {
      results: { id: string; onlineUrl: string | null }[];
    };
    const online = procedures.results.find((p) => p.onlineUrl)!.id;
    for (let i = 0; i < 3; i++)
      expect((await post(`/api/procedures/${online}/link-opened`)).status).toBe(204);

    const lifeEvents = (await (await get('/api/life-events')).json()) as {
      id: string;
      questions: { id: string }[];
    }[];
    const event = lifeEvents[0]!;
    const answers = Object.fromEntries(event.questions.map((q) => [q.id, false]));
    for (let i = 0; i < 2; i++)
      expect((await post('/api/checklists', { lifeEventId: event.id, answers })).status).toBe(200);

    const faq = (await (await get('/api/guide/questions')).json()) as { questions: { ja: string[] } }[];
    const asked = await Promise.all(
      [faq[0]!.questions.ja[0]!, 'ぷるぷるもけけ xyzzy'].map(async (question) => {
        const res = await post('/api/guide/questions', { question });
        expect(res.status).toBe(200);
        return ((await res.json()) as { answered: boolean }).answered;
      }),
    );
    secretsToday.push('ぷるぷるもけけ');

    const host = await signIn(server.url, 'demo-host');
    const live = await briefing.liveEvent(host);
    const attendee = await briefing.join(live.id, 'さくら');
    attendee.send('ask', { text: 'ないしょの質問' });
    await waitFor(() => attendee.state.questions?.size === 1, 5000, 'the question on the board');
    secretsToday.push('さくら', 'ないしょの質問');

    // Today (and tomorrow, should the city's midnight pass during the test), the scripted day left out.
    const from = addDays(past, 1);
    const to = addDays(today, 1);
    const sum = <T>(rows: T[], n: (r: T) => number) => rows.reduce((a, r) => a + n(r), 0);
    const f = await waitFor(
      async () => {
        const got = await figures(from, to);
        const counted =
          sum(got.checklists, (c) => c.started) === 2 &&
          sum(got.guide, (g) => g.answered + g.unanswered) === 2 &&
          got.briefings[0]?.questions === 1 &&
          sum(got.byDay, (d) => d.entries) === 3;
        return counted ? got : null;
      },
      5000,
      'the counts of today',
    );
    expect(f.peopleNow).toBe(3);
    expect(sum(f.byHour, (h) => h.entries)).toBe(3);
    expect(Math.max(...f.byHour.map((h) => h.peak))).toBe(3);
    expect(f.counters.find((c) => c.counterId === 'shimin')).toMatchObject({
      tickets: 1,
      called: 1,
      served: 1,
      noShows: 0,
      waits: 1,
    });
    expect(f.outcomes.find((o) => o.outcome === 'resolved')!.consultations).toBe(1);
    expect(f.ratings.find((r) => r.rating === 4)!.count).toBe(1);
    expect(f.procedures).toEqual([expect.objectContaining({ procedureId: online, opens: 3 })]);
    expect(f.checklists).toEqual([expect.objectContaining({ lifeEventId: event.id, started: 2 })]);
    expect(sum(f.guide, (g) => g.answered)).toBe(asked.filter(Boolean).length);
    expect(sum(f.guide, (g) => g.unanswered)).toBe(asked.filter((a) => !a).length);
    expect(f.briefings).toEqual([
      {
        eventId: live.id,
        title: { ja: '説明会', en: 'Briefing' },
        startsAt: expect.any(String),
        joins: 1,
        peakAudience: 1,
        questions: 1,
      },
    ]);
    // Today is not over: open data does not publish it yet.
    const early = await get(`/api/open-data/visits-daily.json?from=${today}&to=${today}`);
    expect(early.status).toBe(400);
    expect(((await early.json()) as { message: string }).message).toContain(addDays(today, -1));
  });

  it('only aggregates: no nickname, token, contact, resident key, note or comment in any figure', async () => {
    const texts = [await (await get(`/api/figures?from=${past}&to=${today}`, admin)).text()];
    for (const chart of FIGURE_CHARTS) {
      texts.push(await (await get(`/api/figures/${chart}.csv?from=${past}&to=${today}`, admin)).text());
    }
    for (const id of ['visits-daily', 'visits-hourly', 'waits', 'procedures', 'consultations', 'ratings']) {
      texts.push(await (await get(`/api/open-data/${id}.json?from=${past}&to=${addDays(today, -1)}`)).text());
    }
    expect(texts[0]).toContain('"entries":40');
    for (const text of texts) {
      for (const secret of [...SCRIPTED_SECRETS, ...secretsToday]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/resident_?key|visitorToken|nickname|contact/i);
    }
  });

  it('signed-out, non-admin and forged requests are refused; bad ranges get a clear 400', async () => {
    const q = `?from=${past}&to=${past}`;
    expect((await get(`/api/figures${q}`)).status).toBe(401);
    expect((await get(`/api/figures/counters.csv${q}`)).status).toBe(401);
    for (const username of ['demo-staff', 'demo-host', 'demo-guide']) {
      const cookie = await signIn(server.url, username);
      expect((await get(`/api/figures${q}`, cookie)).status, username).toBe(403);
      expect((await get(`/api/figures/byDay.csv${q}`, cookie)).status, username).toBe(403);
      // A role claimed by the client is not a role.
      const forged = await get(`/api/figures${q}`, `${cookie}; role=admin`, { 'x-staff-role': 'admin' });
      expect(forged.status).toBe(403);
    }
    expect((await get(`/api/figures${q}`, 'cityhall_staff=made-up-session-token')).status).toBe(401);

    const bad = async (query: string) => {
      const res = await get(`/api/figures${query}`, admin);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('badRequest');
      return body.message;
    };
    expect(await bad('?from=2025-02-30&to=2025-03-01')).toMatch(/from/);
    expect(await bad('?from=yesterday')).toMatch(/from/);
    expect(await bad('?from=2025-1-1&to=2025-01-02')).toMatch(/from/);
    expect(await bad('?from=2025-03-02&to=2025-03-01')).toMatch(/after/);
    expect(await bad('?from=2023-01-01&to=2025-01-01')).toMatch(/366/);
    expect(await bad(`?from=${encodeURIComponent("2025-01-01' OR '1'='1")}&to=2025-01-02`)).toMatch(/from/);
    expect(
      await bad(`?from=2025-01-01&to=${encodeURIComponent('2025-01-02; DROP TABLE queue_tickets')}`),
    ).toMatch(/to/);
    expect(await bad('?from=2025-01-01&from=2025-01-02')).toMatch(/from/);
    expect(await bad('?from=2025-01-01&role=admin')).toMatch(/role/);
    expect((await get(`/api/figures/nothing.csv${q}`, admin)).status).toBe(400);
    expect((await get(`/api/figures/__proto__.csv${q}`, admin)).status).toBe(400);
    // After all that, the tables are all still there.
    expect((await figures(past, past)).counters.find((c) => c.counterId === 'shimin')!.tickets).toBe(10);

    // Open data: public, but checked the same way.
    expect((await get('/api/open-data/nothing.csv')).status).toBe(404);
    expect((await get('/api/open-data/waits.xlsx')).status).toBe(400);
    expect((await get('/api/open-data/..%2Fetc.csv')).status).toBe(400);
    expect((await get(`/api/open-data/waits.csv?from=${past}&to=2024-13-01`)).status).toBe(400);
    expect((await get(`/api/open-data/waits.csv?from=${past}&to=${addDays(past, -1)}`)).status).toBe(400);
  });

  it('open data is limited per address: past the allowance, 429 with Retry-After', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 41; i++) {
      res = await get('/api/open-data/');
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res!.json()) as { error: string }).error).toBe('rateLimited');
  });
});
