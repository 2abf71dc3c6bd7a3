import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { signIn } from './staffQueue.ts';

const run = promisify(execFile);

describe('staff sign-in and accounts over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => server?.stop());

  const post = (path: string, body: unknown, cookie = '') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  it('sets an httpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const res = await post('/api/staff/login', { username: 'demo-staff', password: 'demo-password' });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${server.url}/api/staff/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ username: 'demo-staff', role: 'staff' });
    expect((await fetch(`${server.url}/api/staff/me`)).status).toBe(401);
    const session = await fetch(`${server.url}/api/staff/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ username: 'demo-staff' });
    expect(await (await fetch(`${server.url}/api/staff/session`)).json()).toBeNull();
    expect((await post('/api/staff/logout', {}, cookie)).status).toBe(204);
    expect((await fetch(`${server.url}/api/staff/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('bad bodies get 400, wrong passwords 401, and repeated failures lock the username (429)', async () => {
    const bad = await post('/api/staff/login', { username: 'demo-staff' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/password/);
    for (let i = 0; i < 3; i++) {
      expect(
        (await post('/api/staff/login', { username: 'demo-staff2', password: 'wrong-password' })).status,
      ).toBe(401);
    }
    const locked = await post('/api/staff/login', { username: 'demo-staff2', password: 'demo-password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('only an admin lists and creates accounts; duplicates and weak input are refused', async () => {
    const staffCookie = await signIn(server.url, 'demo-staff');
    const adminCookie = await signIn(server.url, 'demo-admin');
    const account = { username: 'tanaka', displayName: '田中', role: 'staff', password: 'long enough pass' };
    expect((await post('/api/staff/accounts', account, staffCookie)).status).toBe(403);
    expect((await post('/api/staff/accounts', account)).status).toBe(401);
    expect((await post('/api/staff/accounts', account, adminCookie)).status).toBe(201);
    expect((await post('/api/staff/accounts', account, adminCookie)).status).toBe(409);
    expect(
      (await post('/api/staff/accounts', { ...account, username: 'x', password: 'short' }, adminCookie))
        .status,
    ).toBe(400);
    const list = await fetch(`${server.url}/api/staff/accounts`, { headers: { cookie: adminCookie } });
    expect(((await list.json()) as { username: string }[]).map((a) => a.username)).toContain('tanaka');
    expect(
      (await post('/api/staff/login', { username: 'tanaka', password: 'long enough pass' })).status,
    ).toBe(200);
  });
});

describe('npm run staff:add', () => {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-staff-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let env: NodeJS.ProcessEnv = {};
  beforeAll(async () => {
    // The same database the server below opens for this folder (SQLite, or PostgreSQL in that project).
    const database = await testDatabase(join(dir, 'cli.sqlite'), dir);
    env = {
      ...process.env,
      DATABASE_FILE: join(dir, 'cli.sqlite'),
      ...(database.startsWith('postgres') ? { DATABASE_URL: database } : {}),
    };
  });
  const cli = (args: string[], password: string) =>
    run('node', ['--import', 'tsx', 'scripts/staff.ts', ...args], {
      env: { ...env, STAFF_PASSWORD: password },
    });

  it('creates the first admin, then refuses a duplicate and a short password with a reason', async () => {
    const ok = await cli(
      ['--username', 'first-admin', '--name', '管理者', '--role', 'admin'],
      'a good passphrase',
    );
    expect(ok.stdout).toMatch(/created admin "first-admin"/);
    await expect(cli(['--username', 'first-admin'], 'a good passphrase')).rejects.toMatchObject({
      stderr: expect.stringMatching(/already taken/),
    });
    await expect(cli(['--username', 'second'], 'short')).rejects.toMatchObject({
      stderr: expect.stringMatching(/at least 10/),
    });
    const server = await startTestServer({
      DATA_DIR: dir,
      DATABASE_FILE: join(dir, 'cli.sqlite'),
      DEMO_DATA: 'on',
    });
    try {
      // An existing account table means no demo accounts are added to it.
      const demo = await fetch(`${server.url}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-admin', password: 'demo-password' }),
      });
      expect(demo.status).toBe(401);
      expect((await signIn(server.url, 'first-admin', 'a good passphrase')).length).toBeGreaterThan(10);
    } finally {
      await server.stop();
    }
  });
});
