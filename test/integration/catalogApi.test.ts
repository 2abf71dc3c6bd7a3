import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { writeCatalogDir } from '../support/catalogFixture.ts';
import { waitFor } from '../support/waitFor.ts';
import { smallCatalog } from '../unit/catalog/fixtures.ts';

describe('catalogue HTTP API (real SQLite, seeded from CSV on first start)', () => {
  let server: TestServer;
  let catalogDir: string;
  const get = (path: string) => fetch(server.url + path);
  const post = (path: string, body: unknown) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    catalogDir = writeCatalogDir(smallCatalog());
    server = await startTestServer({
      CATALOG_DIR: catalogDir,
      ONLINE_APPLICATION_BASE_URL: 'https://apply.example.org/city',
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('GET /api/catalog/readings gives furigana for the catalogue, made after the import', async () => {
    // Made in the background after start-up (the analyser loads for a second or two): poll for it.
    let readings: Record<string, [string, string?][]> = {};
    await waitFor(
      async () => {
        readings = (await (await get('/api/catalog/readings')).json()) as typeof readings;
        return !!readings['転入届'];
      },
      15_000,
      'the readings',
    );
    expect(readings['転入届']).toEqual([
      ['転入', 'てんにゅう'],
      ['届', 'とどけ'],
    ]);
    expect(readings['本人確認書類']!.map((s) => s[1]).join('')).toBe('ほんにんかくにんしょるい');
    // English texts have none.
    expect(readings['Moving-in notification']).toBeUndefined();
  });

  it('GET /api/counters lists every hall counter with its departments and procedures', async () => {
    const res = await get('/api/counters');
    expect(res.status).toBe(200);
    const counters = (await res.json()) as { id: string; procedures: { id: string }[] }[];
    expect(counters).toHaveLength(10);
    const shimin = counters.find((c) => c.id === 'shimin')!;
    expect(shimin.procedures.map((p) => p.id)).toEqual(['tennyu-todoke', 'juminhyo-utsushi']);
    expect(counters.find((c) => c.id === 'hoiku')!.procedures).toEqual([]);
  });

  it('GET /api/procedures searches in Japanese and English and builds online links from the base URL', async () => {
    const ja = (await (await get(`/api/procedures?q=${encodeURIComponent('転入')}&lang=ja`)).json()) as {
      results: { id: string }[];
    };
    expect(ja.results[0]!.id).toBe('tennyu-todoke');
    const en = (await (await get('/api/procedures?q=child%20allowence&lang=en')).json()) as {
      results: { id: string; onlineUrl: string | null; counterId: string }[];
    };
    expect(en.results[0]).toMatchObject({
      id: 'jidou-teate',
      onlineUrl: 'https://apply.example.org/city/apply/jidou-teate',
      counterId: 'kosodate',
    });
    const all = (await (await get('/api/procedures')).json()) as { results: unknown[] };
    expect(all.results).toHaveLength(4);
  });

  it('GET /api/procedures/:id returns one procedure, 404 for none, 400 for a malformed id', async () => {
    const res = await get('/api/procedures/juminhyo-utsushi');
    expect(await res.json()).toMatchObject({ feeYen: 300, channel: 'online_or_visit' });
    expect((await get('/api/procedures/no-such-thing')).status).toBe(404);
    const bad = await get('/api/procedures/DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'badRequest' });
  });

  it('refuses bad query parameters with a clear 400', async () => {
    for (const q of ['?lang=fr', `?q=${'a'.repeat(101)}`, '?unknown=1']) {
      const res = await get(`/api/procedures${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { message: string }).message.length).toBeGreaterThan(0);
    }
  });

  it('GET /api/life-events and POST /api/checklists give one checklist grouped by counter', async () => {
    const events = (await (await get('/api/life-events')).json()) as {
      id: string;
      questions: { id: string }[];
    }[];
    expect(events[0]!.questions.map((q) => q.id)).toEqual(['children', 'certificate']);
    const res = await post('/api/checklists', {
      lifeEventId: 'moving-in',
      answers: { children: true, certificate: false },
    });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { groups: { department: { id: string }; items: { id: string }[] }[] };
    expect(list.groups.map((g) => [g.department.id, g.items.map((i) => i.id)])).toEqual([
      ['shimin-ka', ['tennyu-todoke']],
      ['kosodate-shien-ka', ['jidou-teate', 'kodomo-iryohi']],
    ]);
  });

  it('refuses bad checklist requests with the reason', async () => {
    const missing = await post('/api/checklists', { lifeEventId: 'moving-in', answers: { children: true } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'missingAnswer' });
    expect((await post('/api/checklists', { lifeEventId: 'nope', answers: {} })).status).toBe(404);
    expect(
      (await post('/api/checklists', { lifeEventId: 'moving-in', answers: { children: 'yes' } })).status,
    ).toBe(400);
    const notJson = await post('/api/checklists', '{not json');
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toMatch(/json/);
  });

  it('counts online-link opens per procedure, without personal data', async () => {
    expect((await post('/api/procedures/jidou-teate/link-opened', {})).status).toBe(204);
    expect((await post('/api/procedures/jidou-teate/link-opened', {})).status).toBe(204);
    // A visit-only procedure has no online link to count.
    expect((await post('/api/procedures/tennyu-todoke/link-opened', {})).status).toBe(400);
    const row = await server.db
      .selectFrom('procedure_link_opens')
      .selectAll()
      .where('procedure_id', '=', 'jidou-teate')
      .execute();
    expect(row.map((r) => r.opens)).toEqual([2]);
    expect(Object.keys(row[0]!)).toEqual(['procedure_id', 'day', 'opens']);
  });
});
