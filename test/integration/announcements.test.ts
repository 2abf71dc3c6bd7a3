import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { signIn } from './staffQueue.ts';
import type { AnnouncementView } from '../../shared/protocol/announcements.ts';

/** A resident in the hall who keeps every announcement list the room sends. */
async function resident(url: string, nickname: string) {
  const client = new Client(url);
  const room: Room = await client.joinOrCreate('hall', { nickname, color: '#1971c2', lang: 'ja' });
  const heard: AnnouncementView[][] = [];
  room.onMessage('announcements', (list: AnnouncementView[]) => heard.push(list));
  room.onMessage('*', () => {});
  return { room, heard, latest: () => heard.at(-1) ?? [] };
}

describe('announcements reach everyone in the hall, in every hall room', () => {
  let server: TestServer;
  let admin: string;
  const send = (cookie: string | null, body: unknown) =>
    fetch(`${server.url}/api/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const end = (cookie: string, id: number) =>
    fetch(`${server.url}/api/announcements/${id}/end`, { method: 'POST', headers: { cookie } });

  beforeAll(async () => {
    // One person per hall room: the two residents are in two rooms.
    server = await startTestServer({ HALL_MAX_CLIENTS: '1' });
    admin = await signIn(server.url, 'demo-admin');
  });
  afterAll(async () => server.stop());

  it('an emergency reaches two hall rooms at once, a newcomer on entering, and ends for all', async () => {
    const a = await resident(server.url, 'あおい');
    const b = await resident(server.url, 'Bo');
    expect(a.room.roomId).not.toBe(b.room.roomId);
    await waitFor(() => a.heard.length > 0 && b.heard.length > 0, 5000, 'the first (empty) lists');

    const res = await send(admin, {
      severity: 'emergency',
      texts: { ja: '地震のため窓口を一時停止しています。', en: 'Counters are paused after an earthquake.' },
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as AnnouncementView & { createdBy: string };
    expect(made.createdBy).toBe('管理者 (Admin)');
    for (const r of [a, b]) {
      await waitFor(() => r.latest().some((x) => x.id === made.id), 5000, 'the emergency in both rooms');
    }
    expect(a.latest()[0]).toMatchObject({
      severity: 'emergency',
      endsAt: null,
      texts: { en: made.texts.en },
    });

    const c = await resident(server.url, 'Chi');
    await waitFor(() => c.latest().some((x) => x.id === made.id), 5000, 'the emergency for a newcomer');

    expect((await end(admin, made.id)).status).toBe(200);
    for (const r of [a, b, c]) await waitFor(() => r.latest().length === 0, 5000, 'the end in every room');
    // Ending twice says so and changes nothing.
    const again = await end(admin, made.id);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('alreadyEnded');
    for (const r of [a, b, c]) await r.room.leave();
  });

  it('a scheduled one shows by itself at its time and goes after its minutes; the list keeps it', async () => {
    const a = await resident(server.url, 'だいち');
    await waitFor(() => a.heard.length > 0, 5000, 'the first list');
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const res = await send(admin, {
      severity: 'warning',
      texts: { ja: 'まもなく受付終了です。' },
      startsAt,
      minutes: 1,
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as AnnouncementView;
    // Not before its time...
    expect(a.latest().some((x) => x.id === made.id)).toBe(false);
    // ...then by itself, nobody asking.
    await waitFor(() => a.latest().some((x) => x.id === made.id), 8000, 'the scheduled announcement');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(startsAt));
    const listed = (await (await fetch(`${server.url}/api/announcements`)).json()) as {
      current: AnnouncementView[];
      recent: AnnouncementView[];
    };
    expect(listed.current.map((x) => x.id)).toContain(made.id);
    expect(listed.recent.map((x) => x.id)).toContain(made.id);
    expect(made.endsAt).toBe(new Date(Date.parse(startsAt) + 60_000).toISOString());
    await end(admin, made.id);
    await a.room.leave();
  });

  it('only hosts and admins announce; forged or bad requests are refused with the reason and change nothing', async () => {
    const before = ((await (await fetch(`${server.url}/api/announcements`)).json()) as { recent: unknown[] })
      .recent.length;
    expect((await send(null, { severity: 'info', texts: { ja: 'x' } })).status).toBe(401);
    const staff = await signIn(server.url, 'demo-staff');
    expect((await send(staff, { severity: 'info', texts: { ja: 'x' } })).status).toBe(403);
    // A role in the body means nothing (and is refused as an unknown field).
    expect((await send(staff, { severity: 'info', texts: { ja: 'x' }, role: 'admin' })).status).toBe(403);
    const host = await signIn(server.url, 'demo-host');
    const cases: [unknown, RegExp][] = [
      [{ severity: 'panic', texts: { ja: 'x' } }, /severity/],
      [{ severity: 'info', texts: { ja: '' } }, /empty/],
      [{ severity: 'info', texts: { en: 'only English' } }, /ja/],
      [{ severity: 'info', texts: { ja: 'x', fr: 'non' } }, /fr/],
      [{ severity: 'info', texts: { ja: 'a\u202eb' } }, /control or text-direction/],
      [{ severity: 'info', texts: { ja: 'あ'.repeat(301) } }, /at most 300/],
      [{ severity: 'info', texts: { ja: 'x' }, minutes: 0 }, /minutes/],
      [{ severity: 'info', texts: { ja: 'x' }, startsAt: 'tomorrow' }, /startsAt/],
      [{ severity: 'info', texts: { ja: 'x' }, role: 'admin' }, /role/],
      ['{"severity":', /./],
    ];
    for (const [body, message] of cases) {
      const res = await send(host, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message?: string }).message ?? '', JSON.stringify(body)).toMatch(
        message,
      );
    }
    const past = await send(host, {
      severity: 'info',
      texts: { ja: 'x' },
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.status).toBe(400);
    const far = await send(host, {
      severity: 'info',
      texts: { ja: 'x' },
      startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    expect(far.status).toBe(400);
    const huge = await send(host, { severity: 'info', texts: { ja: 'x' }, pad: 'y'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await end(host, 999_999)).status).toBe(404);
    expect(
      (await fetch(`${server.url}/api/announcements/abc/end`, { method: 'POST', headers: { cookie: host } }))
        .status,
    ).toBe(400);
    expect((await fetch(`${server.url}/api/announcements/all`, { headers: { cookie: staff } })).status).toBe(
      403,
    );
    const after = ((await (await fetch(`${server.url}/api/announcements`)).json()) as { recent: unknown[] })
      .recent.length;
    expect(after).toBe(before);
  });

  it('one withdrawn before it began never shows in the list; at most 20 may be live at once', async () => {
    const host = await signIn(server.url, 'demo-host');
    const startsAt = new Date(Date.now() + 1200).toISOString();
    const res = await send(host, { severity: 'emergency', texts: { ja: '誤報' }, startsAt });
    const { id } = (await res.json()) as { id: number };
    expect((await end(host, id)).status).toBe(200);
    await waitFor(() => Date.now() > Date.parse(startsAt) + 100, 5000, 'its start to pass');
    const listed = (await (await fetch(`${server.url}/api/announcements`)).json()) as {
      current: AnnouncementView[];
      recent: AnnouncementView[];
    };
    expect(listed.recent.map((x) => x.id)).not.toContain(id);
    expect(listed.current.map((x) => x.id)).not.toContain(id);

    const made: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await send(host, { severity: 'info', texts: { ja: `お知らせ${i}` }, minutes: 5 });
      expect(r.status).toBe(201);
      made.push(((await r.json()) as { id: number }).id);
    }
    const refused = await send(host, { severity: 'info', texts: { ja: '21件目' } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe('tooManyAnnouncements');
    for (const m of made) await end(host, m);
    expect(
      (await send(host, { severity: 'info', texts: { ja: '終わったので送れる' }, minutes: 1 })).status,
    ).toBe(201);
  });
});
