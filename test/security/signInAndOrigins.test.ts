import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { signIn } from '../integration/staffQueue.ts';

/**
 * Sign-in and cross-site attacks against a running server, as a hostile visitor does them. The server
 * sits "behind a proxy" (TRUST_PROXY=on) so that each request can come from the address it names.
 */
describe('hostile sign-ins and other sites', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'on' });
  });
  afterAll(() => server?.stop());

  const login = (username: string, password: string, from: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...headers },
      body: JSON.stringify({ username, password }),
    });

  it('30 wrong passwords and the right one sent at once: nobody signs in', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, () => login('demo-staff', 'wrong password!!', '203.0.113.1')),
      login('demo-staff', 'demo-password', '203.0.113.1'),
    ]);
    const codes = answers.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toEqual([]);
    // Exactly the budget (LOGIN_MAX_FAILURES = 5) reached the password check.
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(26);
    const locked = answers.at(-1)!;
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'locked' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('failures from elsewhere do not keep a named host out of their briefing', async () => {
    // Presenter usernames are public (GET /api/events); someone hammers one from their own address.
    for (let i = 0; i < 12; i++) await login('demo-host', 'not the password', '203.0.113.2');
    expect((await login('demo-host', 'demo-password', '203.0.113.2')).status).toBe(429);
    // The host, from where they are, signs in at once.
    expect((await login('demo-host', 'demo-password', '198.51.100.20')).status).toBe(200);
  });

  it('one address trying a password over many accounts runs out of tries', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`staff${i}`, 'Spring2026!!', '203.0.113.3')),
    );
    expect(answers.filter((r) => r.status === 401)).toHaveLength(30);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(10);
  });

  it('another origin gets no CORS headers, on the API and on matchmaking', async () => {
    const evil = { origin: 'https://evil.example' };
    const health = await fetch(`${server.url}/api/health`, { headers: evil });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    expect(health.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${server.url}/api/records/export.csv`, {
      method: 'OPTIONS',
      headers: { ...evil, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const matchmake = await fetch(`${server.url}/matchmake/joinOrCreate/hall`, {
      method: 'OPTIONS',
      headers: { ...evil, 'access-control-request-method': 'POST' },
    });
    expect(matchmake.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes from another site are refused before they do anything, even with a valid session', async () => {
    const cookie = await signIn(server.url, 'demo-admin');
    const fromEvil = await fetch(`${server.url}/api/staff/accounts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({
        username: 'mallory',
        displayName: 'M',
        role: 'admin',
        password: 'long password 1',
      }),
    });
    expect(fromEvil.status).toBe(403);
    expect(await fromEvil.json()).toMatchObject({ error: 'crossOrigin' });
    const crossSite = await fetch(`${server.url}/api/staff/logout`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    // The same request from the hall's own page goes through.
    const own = await fetch(`${server.url}/api/staff/me`, { headers: { cookie } });
    expect(own.status).toBe(200);
    const accounts = (await (
      await fetch(`${server.url}/api/staff/accounts`, { headers: { cookie } })
    ).json()) as { username: string }[];
    expect(accounts.map((a) => a.username)).not.toContain('mallory');
    const sameSite = await fetch(`${server.url}/api/staff/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.status).toBe(204);
  });

  it('security headers: a script policy without inline scripts, no framing, a same-origin referrer', async () => {
    const res = await fetch(`${server.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scripts = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('admins disable an account and sign a user out everywhere; not their own account', async () => {
    const admin = await signIn(server.url, 'demo-admin');
    const staff2 = await signIn(server.url, 'demo-staff2');
    const accounts = (await (
      await fetch(`${server.url}/api/staff/accounts`, { headers: { cookie: admin } })
    ).json()) as { id: number; username: string }[];
    const idOf = (u: string) => accounts.find((a) => a.username === u)!.id;
    const act = (cookie: string, id: number, what: string) =>
      fetch(`${server.url}/api/staff/accounts/${id}/${what}`, { method: 'POST', headers: { cookie } });

    expect((await act(staff2, idOf('demo-staff'), 'disable')).status).toBe(403);
    expect((await act(admin, idOf('demo-admin'), 'disable')).status).toBe(409);
    expect((await act(admin, 99_999, 'disable')).status).toBe(404);
    expect((await act(admin, idOf('demo-staff2'), 'sign-out')).status).toBe(200);
    expect((await fetch(`${server.url}/api/staff/me`, { headers: { cookie: staff2 } })).status).toBe(401);
    expect((await act(admin, idOf('demo-staff2'), 'disable')).status).toBe(200);
    expect((await login('demo-staff2', 'demo-password', '198.51.100.30')).status).toBe(401);
    expect((await act(admin, idOf('demo-staff2'), 'enable')).status).toBe(200);
    expect((await login('demo-staff2', 'demo-password', '198.51.100.30')).status).toBe(200);
  });
});
