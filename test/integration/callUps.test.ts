import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { signIn } from './staffQueue.ts';
import type { CallUpTally, MyCallUp } from '../../shared/protocol/callups.ts';

describe('staff call-up (非常時職員参集): send, answer, tally by department, CSV', () => {
  let server: TestServer;
  let admin: string;
  const call = (path: string, cookie: string | null, body?: unknown, method = 'POST') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = async <T>(path: string, cookie: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as T;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server.url, 'demo-admin');
  });
  afterAll(async () => server.stop());

  it('a call-up to everyone: each answers one after the other; the tally counts by department', async () => {
    const sato = await signIn(server.url, 'demo-staff');
    const suzuki = await signIn(server.url, 'demo-staff2');
    const host = await signIn(server.url, 'demo-host');
    const res = await call('/api/callups', admin, { message: '震度6弱。登庁できる職員は市役所へ。' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };

    // Staff see it when they next look (sign-in or an open console), with no answer yet.
    const mine = await get<MyCallUp[]>('/api/callups/mine', sato);
    expect(mine).toEqual([
      expect.objectContaining({ id, message: '震度6弱。登庁できる職員は市役所へ。', answer: null }),
    ]);

    expect((await call(`/api/callups/${id}/answer`, sato, { status: 'coming', minutes: 30 })).status).toBe(
      204,
    );
    let tally = await get<CallUpTally>(`/api/callups/${id}/tally`, admin);
    expect(tally.total).toMatchObject({ addressed: 5, coming: 1, noAnswer: 4 });
    // Later, the second answers; the first changes theirs.
    expect((await call(`/api/callups/${id}/answer`, suzuki, { status: 'needHelp' })).status).toBe(204);
    expect((await call(`/api/callups/${id}/answer`, host, { status: 'cannotCome' })).status).toBe(204);
    expect((await call(`/api/callups/${id}/answer`, sato, { status: 'coming', minutes: 45 })).status).toBe(
      204,
    );
    tally = await get<CallUpTally>(`/api/callups/${id}/tally`, admin);
    expect(tally.total).toEqual({
      department: null,
      addressed: 5,
      coming: 1,
      cannotCome: 1,
      needHelp: 1,
      noAnswer: 2,
    });
    expect(tally.byDepartment).toEqual(
      expect.arrayContaining([
        { department: 'shimin-ka', addressed: 1, coming: 1, cannotCome: 0, needHelp: 0, noAnswer: 0 },
        { department: 'kokuho-nenkin-ka', addressed: 1, coming: 0, cannotCome: 0, needHelp: 1, noAnswer: 0 },
        { department: null, addressed: 3, coming: 0, cannotCome: 1, needHelp: 0, noAnswer: 2 },
      ]),
    );
    expect(tally.answers.find((a) => a.displayName === '佐藤 (Sato)')).toMatchObject({
      status: 'coming',
      minutes: 45,
    });
    expect((await get<MyCallUp[]>('/api/callups/mine', sato))[0]!.answer).toMatchObject({
      status: 'coming',
      minutes: 45,
    });

    const csv = await fetch(`${server.url}/api/callups/${id}/export.csv`, { headers: { cookie: admin } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte-order mark first (text() would hide it), so spreadsheet programs read the names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[0]).toBe('name,department,answer,minutes,answered_at');
    expect(text).toContain('佐藤 (Sato),shimin-ka,coming,45,');
    expect(text).toContain('鈴木 (Suzuki),kokuho-nenkin-ka,needHelp,,');

    expect((await call(`/api/callups/${id}/close`, admin)).status).toBe(200);
    expect(await get<MyCallUp[]>('/api/callups/mine', sato)).toEqual([]);
    const late = await call(`/api/callups/${id}/answer`, suzuki, { status: 'coming', minutes: 5 });
    expect(late.status).toBe(409);
    expect((await call(`/api/callups/${id}/close`, admin)).status).toBe(409);
  });

  it('a call-up to one department reaches only its staff; an account can be moved to a department', async () => {
    const sato = await signIn(server.url, 'demo-staff');
    const suzuki = await signIn(server.url, 'demo-staff2');
    const res = await call('/api/callups', admin, {
      message: '国保年金課は参集',
      department: 'kokuho-nenkin-ka',
    });
    const { id } = (await res.json()) as { id: number };
    expect(await get<MyCallUp[]>('/api/callups/mine', sato)).toEqual([]);
    expect((await get<MyCallUp[]>('/api/callups/mine', suzuki)).map((c) => c.id)).toEqual([id]);
    // Sato cannot answer a call-up for another department.
    expect((await call(`/api/callups/${id}/answer`, sato, { status: 'coming', minutes: 10 })).status).toBe(
      403,
    );
    expect((await get<CallUpTally>(`/api/callups/${id}/tally`, admin)).total.addressed).toBe(1);

    const accounts = (await get<{ id: number; username: string }[]>('/api/staff/accounts', admin)).find(
      (a) => a.username === 'demo-staff',
    )!;
    expect(
      (await call(`/api/staff/accounts/${accounts.id}/department`, admin, { department: 'kokuho-nenkin-ka' }))
        .status,
    ).toBe(200);
    expect((await get<MyCallUp[]>('/api/callups/mine', sato)).map((c) => c.id)).toEqual([id]);
    expect((await get<CallUpTally>(`/api/callups/${id}/tally`, admin)).total.addressed).toBe(2);
    expect(
      (await call(`/api/staff/accounts/${accounts.id}/department`, admin, { department: 'no-such' })).status,
    ).toBe(404);
    expect(
      (await call(`/api/staff/accounts/${accounts.id}/department`, sato, { department: null })).status,
    ).toBe(403);
    await call(`/api/callups/${id}/close`, admin);
  });

  it('only admins call up; forged and bad answers are refused with the reason and change nothing', async () => {
    const sato = await signIn(server.url, 'demo-staff');
    expect((await call('/api/callups', null, { message: 'x' })).status).toBe(401);
    expect((await call('/api/callups', sato, { message: 'x' })).status).toBe(403);
    expect((await call('/api/callups', sato, { message: 'x', role: 'admin' })).status).toBe(403);
    const cases: [unknown, number, RegExp][] = [
      [{ message: '' }, 400, /empty/],
      [{ message: 'a\u202eb' }, 400, /control or text-direction/],
      [{ message: 'x'.repeat(301) }, 400, /at most 300/],
      [{ message: 'x', department: 'Not An Id' }, 400, /department/],
      [{ message: 'x', department: 'nobody-here' }, 409, /no staff account belongs/],
      [{ message: 'x', extra: 1 }, 400, /extra/],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('/api/callups', admin, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { message?: string }).message ?? '', JSON.stringify(body)).toMatch(
        message,
      );
    }
    const { id } = (await (await call('/api/callups', admin, { message: '訓練' })).json()) as { id: number };
    const answers: [unknown, RegExp][] = [
      [{ status: 'coming' }, /how many minutes/],
      [{ status: 'coming', minutes: -5 }, /minutes/],
      [{ status: 'coming', minutes: 1.5 }, /minutes/],
      [{ status: 'maybe' }, /status/],
      [{ status: 'needHelp', staffId: 1 }, /staffId/],
    ];
    for (const [body, message] of answers) {
      const res = await call(`/api/callups/${id}/answer`, sato, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message?: string }).message ?? '', JSON.stringify(body)).toMatch(
        message,
      );
    }
    expect((await call(`/api/callups/999999/answer`, sato, { status: 'needHelp' })).status).toBe(404);
    expect((await call(`/api/callups/abc/answer`, sato, { status: 'needHelp' })).status).toBe(400);
    expect((await fetch(`${server.url}/api/callups/${id}/tally`, { headers: { cookie: sato } })).status).toBe(
      403,
    );
    expect(
      (await fetch(`${server.url}/api/callups/${id}/export.csv`, { headers: { cookie: sato } })).status,
    ).toBe(403);
    expect((await get<CallUpTally>(`/api/callups/${id}/tally`, admin)).total.noAnswer).toBe(5);
    // A name that looks like a formula stays text in the CSV.
    const auth = await call('/api/staff/accounts', admin, {
      username: 'formula-person',
      displayName: '=HYPERLINK("x")',
      role: 'staff',
      password: 'a-long-enough-password',
    });
    expect(auth.status).toBe(201);
    const text = await (
      await fetch(`${server.url}/api/callups/${id}/export.csv`, { headers: { cookie: admin } })
    ).text();
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
