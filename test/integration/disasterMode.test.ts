import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinHall, signIn, type Participant } from './staffQueue.ts';
import type { DisasterView } from '../../shared/protocol/disaster.ts';

interface DisasterInfo extends DisasterView {
  shelters: { id: string; open: boolean; note: string; updatedAt: string | null }[];
  hotlines: { id: string; phone: string }[];
  procedures: { id: string; disaster: boolean }[];
}

describe('disaster mode (災害モード): switched by admins, told to every hall room, every switch logged', () => {
  let server: TestServer;
  let admin: string;
  const people: Participant[] = [];
  const latest = (p: Participant) => p.disaster.at(-1);
  const call = (path: string, cookie: string | null, body?: unknown, method = 'POST') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const info = async () => (await (await fetch(`${server.url}/api/disaster`)).json()) as DisasterInfo;
  const firstHit = async (q: string) =>
    (
      (await (await fetch(`${server.url}/api/procedures?q=${encodeURIComponent(q)}`)).json()) as {
        results: { id: string }[];
      }
    ).results[0]?.id;

  beforeAll(async () => {
    server = await startTestServer({ HALL_MAX_CLIENTS: '1' });
    admin = await signIn(server.url, 'demo-admin');
    for (const nickname of ['ひなた', 'Noor']) {
      people.push(await joinHall(server.url, { nickname }));
    }
    expect(people[0]!.room.roomId).not.toBe(people[1]!.room.roomId);
  });
  afterAll(async () => {
    for (const p of people) await p.room.leave().catch(() => {});
    await server.stop();
  });

  it('on with a reason and relabelled counters in both rooms; disaster procedures first; off restores it', async () => {
    expect((await info()).on).toBe(false);
    const before = await firstHit('証明書');
    expect(before).not.toBe('rissai-shomei');

    const on = await call('/api/disaster/on', admin, {
      reason: '震度6強の地震',
      counters: ['shimin', 'kokuho-nenkin'],
    });
    expect(on.status).toBe(200);
    for (const p of people) {
      await waitFor(() => latest(p)?.on === true, 5000, 'disaster mode in both rooms');
      expect(latest(p)).toMatchObject({ reason: '震度6強の地震', counters: ['shimin', 'kokuho-nenkin'] });
    }
    // A newcomer is told on entering.
    const late = await joinHall(server.url, { nickname: 'おそい' });
    people.push(late);
    await waitFor(() => latest(late)?.on === true, 5000, 'the newcomer told');

    const d = await info();
    expect(d.on).toBe(true);
    expect(d.shelters.map((s) => s.id)).toEqual(['daiichi-shogakko', 'chuo-kominkan', 'shimin-taikukan']);
    expect(d.shelters.every((s) => !s.open)).toBe(true);
    expect(d.hotlines.map((h) => h.phone)).toContain('119');
    expect(d.procedures.map((p) => p.id)).toEqual(['rissai-shomei', 'hisai-shien']);
    expect(await firstHit('証明書')).toBe('rissai-shomei');

    // Twice on is refused and changes nothing.
    const again = await call('/api/disaster/on', admin, { reason: 'もう一度' });
    expect(again.status).toBe(409);
    expect((await info()).reason).toBe('震度6強の地震');

    expect((await call('/api/disaster/off', admin)).status).toBe(200);
    for (const p of people) await waitFor(() => latest(p)?.on === false, 5000, 'off in every room');
    expect(await info()).toMatchObject({ on: false, reason: '', counters: [] });
    expect(await firstHit('証明書')).toBe(before);
    expect((await call('/api/disaster/off', admin)).status).toBe(409);

    const log = (await (
      await fetch(`${server.url}/api/disaster/log`, { headers: { cookie: admin } })
    ).json()) as {
      on: boolean;
      reason: string;
      by: string;
      at: string;
    }[];
    expect(log.map((s) => [s.on, s.reason, s.by])).toEqual([
      [false, '', '管理者 (Admin)'],
      [true, '震度6強の地震', '管理者 (Admin)'],
    ]);
    expect(Date.parse(log[0]!.at)).toBeGreaterThanOrEqual(Date.parse(log[1]!.at));
  });

  it('staff update a shelter during the event; everyone reads it', async () => {
    const staff = await signIn(server.url, 'demo-staff');
    const res = await call(
      '/api/disaster/shelters/chuo-kominkan',
      staff,
      { open: true, note: '残り50人分' },
      'PUT',
    );
    expect(res.status).toBe(200);
    const shelter = (await info()).shelters.find((s) => s.id === 'chuo-kominkan')!;
    expect(shelter).toMatchObject({ open: true, note: '残り50人分' });
    expect(shelter.updatedAt).not.toBeNull();
  });

  it('only admins switch; forged and bad requests are refused with the reason and change nothing', async () => {
    const staff = await signIn(server.url, 'demo-staff');
    const host = await signIn(server.url, 'demo-host');
    expect((await call('/api/disaster/on', null, { reason: 'x' })).status).toBe(401);
    for (const cookie of [staff, host]) {
      expect((await call('/api/disaster/on', cookie, { reason: 'x' })).status).toBe(403);
      expect((await call('/api/disaster/on', cookie, { reason: 'x', role: 'admin' })).status).toBe(403);
      expect((await call('/api/disaster/off', cookie)).status).toBe(403);
      expect((await fetch(`${server.url}/api/disaster/log`, { headers: { cookie } })).status).toBe(403);
    }
    const cases: [unknown, number, RegExp][] = [
      [{ reason: '' }, 400, /empty/],
      [{ reason: 'a\u202eb' }, 400, /control or text-direction/],
      [{ reason: 'x'.repeat(201) }, 400, /at most 200/],
      [{ reason: 'x', counters: ['no-such-counter'] }, 404, /no counter/],
      [{ reason: 'x', counters: 'shimin' }, 400, /counters/],
      [{ reason: 'x', role: 'admin' }, 400, /role/],
      ['{"reason":', 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('/api/disaster/on', admin, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { message?: string }).message ?? '', JSON.stringify(body)).toMatch(
        message,
      );
    }
    expect((await info()).on).toBe(false);

    expect((await call('/api/disaster/shelters/chuo-kominkan', null, { open: false }, 'PUT')).status).toBe(
      401,
    );
    expect((await call('/api/disaster/shelters/nowhere', staff, { open: true }, 'PUT')).status).toBe(404);
    expect((await call('/api/disaster/shelters/NOT%20AN%20ID', staff, { open: true }, 'PUT')).status).toBe(
      400,
    );
    for (const body of [
      {},
      { open: 'yes' },
      { open: true, note: 'x'.repeat(121) },
      { open: true, note: 'a\u0007' },
    ]) {
      expect(
        (await call('/api/disaster/shelters/chuo-kominkan', staff, body, 'PUT')).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect((await info()).shelters.find((s) => s.id === 'chuo-kominkan')).toMatchObject({
      open: true,
      note: '残り50人分',
    });
  });
});
