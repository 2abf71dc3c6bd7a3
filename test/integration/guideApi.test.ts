import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { writeCatalogDir } from '../support/catalogFixture.ts';
import { smallCatalog } from '../unit/catalog/fixtures.ts';
import { signIn } from './staffQueue.ts';

interface Reply {
  answered: boolean;
  answer: { id: string; text: { ja: string }; procedures: { id: string; onlineUrl: string | null }[] } | null;
  related: { id: string }[];
  procedures: { id: string }[];
  lifeEventIds: string[];
}

describe('information desk guide over HTTP (real SQLite, the FAQ sheet imported on first start)', () => {
  let server: TestServer;
  let catalogDir: string;
  const ask = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/guide/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const unanswered = async (cookie?: string) =>
    fetch(`${server.url}/api/guide/unanswered`, { headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    catalogDir = writeCatalogDir(smallCatalog());
    server = await startTestServer({
      CATALOG_DIR: catalogDir,
      ONLINE_APPLICATION_BASE_URL: 'https://apply.example.org/city',
      GUIDE_QUESTIONS_PER_ADDRESS: '12',
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('answers from the sheet with the procedures it leads to; lists the questions to pick', async () => {
    const picks = (await (await fetch(`${server.url}/api/guide/questions`)).json()) as { id: string }[];
    expect(picks.map((p) => p.id)).toEqual(['juminhyo', 'moved-here']);

    const res = await ask({ question: 'じゅうみんひょう', lang: 'en' });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as Reply;
    expect(reply.answered).toBe(true);
    expect(reply.answer?.id).toBe('juminhyo');
    expect(reply.answer?.text.ja).toBe('市民課で取れます');
    expect(reply.answer?.procedures).toEqual([
      expect.objectContaining({
        id: 'juminhyo-utsushi',
        onlineUrl: 'https://apply.example.org/city/apply/juminhyo',
        counterId: 'shimin',
      }),
    ]);
  });

  it('falls back on the catalogue search and life events where the sheet has no answer', async () => {
    const reply = (await (await ask({ question: '児童手当' })).json()) as Reply;
    expect(reply.answer).toBeNull();
    expect(reply.answered).toBe(true);
    expect(reply.procedures.map((p) => p.id)).toEqual(['jidou-teate']);
    const event = (await (await ask({ question: '転入' })).json()) as Reply;
    expect(event.lifeEventIds).toContain('moving-in');
  });

  it('counts what it could not answer, by text alone, digits masked; only admins read the list', async () => {
    for (const q of ['犬の登録', '犬の登録', 'ＤＯＧ  license', '電話 090-1234-5678 に折り返して']) {
      const reply = (await (await ask({ question: q })).json()) as Reply;
      expect(reply.answered).toBe(false);
    }
    expect((await unanswered()).status).toBe(401);
    expect((await unanswered(await signIn(server.url, 'demo-staff'))).status).toBe(403);
    const admin = await signIn(server.url, 'demo-admin');
    const top = (await (await unanswered(admin)).json()) as { text: string; asks: number }[];
    expect(top).toEqual([
      { text: '犬の登録', asks: 2, lastAsked: expect.any(String) },
      { text: 'dog license', asks: 1, lastAsked: expect.any(String) },
      { text: '電話 # に折り返して', asks: 1, lastAsked: expect.any(String) },
    ]);
    const bad = await fetch(`${server.url}/api/guide/unanswered?days=0`, { headers: { cookie: admin } });
    expect(bad.status).toBe(400);
  });

  it('refuses bad questions with the reason and counts nothing for them', async () => {
    const cases: [unknown, RegExp][] = [
      [{ question: '' }, /the question is empty/],
      [{ question: '   ' }, /the question is empty/],
      [{ question: 'あ'.repeat(201) }, /at most 200 characters/],
      [{ question: 'a\u202eb' }, /control or text-direction/],
      [{ question: 'ok', lang: 'fr' }, /lang/],
      [{ question: 'ok', role: 'admin' }, /role/],
      [{ question: 42 }, /question/],
      ['{not json', /./],
    ];
    for (const [body, message] of cases) {
      const res = await ask(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as { error?: string; message?: string };
      expect(err.message ?? '', JSON.stringify(body)).toMatch(message);
    }
    const oversized = await ask({ question: 'x', padding: 'y'.repeat(10_000) });
    expect(oversized.status).toBe(413);
    const admin = await signIn(server.url, 'demo-admin');
    const top = (await (await unanswered(admin)).json()) as { text: string }[];
    expect(top.map((t) => t.text)).not.toContain('ok');
  });

  it('one address asking in a loop is stopped (429, with when to ask again); the list stays bounded', async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await ask({ question: `flood ${i} zzqx` });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused).toBeDefined();
    expect(((await refused!.json()) as { message: string }).message).toMatch(
      /too many questions.*try again in \d+ s/,
    );
    const admin = await signIn(server.url, 'demo-admin');
    const top = (await (await unanswered(admin)).json()) as { text: string }[];
    expect(top.filter((t) => t.text.startsWith('flood')).length).toBeLessThanOrEqual(12);
  });
});
