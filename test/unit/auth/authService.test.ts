import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../../server/src/db/database.ts';
import { createAuthService, type AuthService } from '../../../server/src/auth/authService.ts';
import { DomainError } from '../../../server/src/domainError.ts';
import { hashPassword, verifyPassword } from '../../../server/src/auth/passwords.ts';
import { can, NewStaffAccount } from '../../../shared/auth/roles.ts';
import { testDatabase } from '../../support/testDatabase.ts';

const PASSWORD = 'correct horse battery';

describe('passwords', () => {
  it('hash with a per-password salt and verify only the right password', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(a).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword('correct horse battery ', a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'garbage')).toBe(false);
  });
});

describe('auth service', () => {
  let db: Db;
  let auth: AuthService;
  let clock = Date.parse('2026-11-25T00:00:00Z');
  beforeEach(async () => {
    db = openDatabase(await testDatabase(':memory:'));
    await migrateToLatest(db);
    clock = Date.parse('2026-11-25T00:00:00Z');
    auth = createAuthService(db, { sessionHours: 8, maxFailures: 3, lockMinutes: 15 }, () => new Date(clock));
    await auth.createAccount({ username: 'sato', displayName: '佐藤', role: 'staff', password: PASSWORD });
  });
  afterEach(() => db.destroy());

  it('signs in with the right password; the session expires after its lifetime', async () => {
    const ok = await auth.login('sato', PASSWORD);
    if (!ok.ok) throw new Error('login failed');
    expect(await auth.sessionProfile(ok.token)).toMatchObject({ username: 'sato', role: 'staff' });
    const stored = await db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(ok.token);
    clock += 8 * 3600_000 + 1;
    expect(await auth.sessionProfile(ok.token)).toBeNull();
  });

  it('signing out ends the session', async () => {
    const ok = await auth.login('sato', PASSWORD);
    if (!ok.ok) throw new Error('login failed');
    await auth.logout(ok.token);
    expect(await auth.sessionProfile(ok.token)).toBeNull();
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    expect(await auth.login('nobody', PASSWORD)).toEqual({ ok: false, reason: 'invalidCredentials' });
    expect(await auth.login('sato', 'wrong password!')).toEqual({ ok: false, reason: 'invalidCredentials' });
  });

  it('locks the account for that address after repeated failures, even for the right password, until the lock ends', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      for (let i = 0; i < 3; i++) await auth.login('sato', 'wrong password!', '203.0.113.9');
      const locked = await auth.login('sato', PASSWORD, '203.0.113.9');
      expect(locked).toMatchObject({ ok: false, reason: 'locked' });
      expect(locked.ok === false && locked.reason === 'locked' && locked.retryAfterS).toBe(15 * 60);
      // Somebody else's failures do not keep the account's owner out from where they sign in.
      expect((await auth.login('sato', PASSWORD, '198.51.100.7')).ok).toBe(true);
      vi.advanceTimersByTime(15 * 60_000 + 1000);
      expect((await auth.login('sato', PASSWORD, '203.0.113.9')).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts tries before the password is checked: of 30 wrong and the right one at once, none gets in', async () => {
    const tries = [
      ...Array.from({ length: 30 }, () => auth.login('sato', 'wrong password!', '203.0.113.10')),
      auth.login('sato', PASSWORD, '203.0.113.10'),
    ];
    const results = await Promise.all(tries);
    // Only the budget's worth (3) reached the hash, all wrong; the right one came after and was refused.
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.filter((r) => !r.ok && r.reason === 'invalidCredentials')).toHaveLength(3);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('one address spraying many accounts is stopped by its own budget', async () => {
    const many = await Promise.all(
      Array.from({ length: 40 }, (_, i) => auth.login(`user${i}`, 'guess password', '203.0.113.11')),
    );
    // maxFailures 3 → 18 tries per address over all accounts (6 × 3).
    expect(many.filter((r) => !r.ok && r.reason === 'invalidCredentials')).toHaveLength(18);
    expect(many.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(22);
  });

  it('a disabled account cannot sign in and its sessions end; enabling it again lets it in', async () => {
    const ok = await auth.login('sato', PASSWORD);
    if (!ok.ok) throw new Error('login failed');
    await auth.setDisabled(ok.profile.id, true);
    expect(await auth.sessionProfile(ok.token)).toBeNull();
    expect(await auth.login('sato', PASSWORD)).toMatchObject({ ok: false, reason: 'invalidCredentials' });
    await auth.setDisabled(ok.profile.id, false);
    expect((await auth.login('sato', PASSWORD)).ok).toBe(true);
  });

  it('signs an account out everywhere', async () => {
    const a = await auth.login('sato', PASSWORD);
    const b = await auth.login('sato', PASSWORD);
    if (!a.ok || !b.ok) throw new Error('login failed');
    expect(await auth.signOutEverywhere(a.profile.id)).toBe(2);
    expect(await auth.sessionProfile(a.token)).toBeNull();
    expect(await auth.sessionProfile(b.token)).toBeNull();
  });

  it('a hall pass works once and only for a short time', async () => {
    const ok = await auth.login('sato', PASSWORD);
    if (!ok.ok) throw new Error('login failed');
    const pass = await auth.issueHallPass(ok.profile.id);
    expect(await auth.sessionProfile(pass)).toBeNull(); // not a session
    expect((await auth.redeemHallPass(pass))?.username).toBe('sato');
    expect(await auth.redeemHallPass(pass)).toBeNull();
    const late = await auth.issueHallPass(ok.profile.id);
    clock += 61_000;
    expect(await auth.redeemHallPass(late)).toBeNull();
  });

  it('refuses a second account with the same username', async () => {
    const err: unknown = await auth
      .createAccount({ username: 'sato', displayName: 'x', role: 'admin', password: PASSWORD })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'usernameTaken' });
  });
});

describe('roles and account input', () => {
  it.each([
    ['staff', 'workCounter', true],
    ['admin', 'workCounter', true],
    ['host', 'workCounter', false],
    ['resident', 'workCounter', false],
    [undefined, 'workCounter', false],
    ['staff', 'manageStaff', false],
    ['admin', 'manageStaff', true],
    ['host', 'hostEvents', true],
    ['staff', 'hostEvents', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it.each([
    [{ username: 'ab', displayName: 'x', role: 'staff', password: PASSWORD }, 'usernames'],
    [{ username: 'Sato', displayName: 'x', role: 'staff', password: PASSWORD }, 'usernames'],
    [{ username: 'sato', displayName: 'x', role: 'root', password: PASSWORD }, 'role'],
    [{ username: 'sato', displayName: 'x', role: 'staff', password: 'short' }, 'at least 10'],
    [{ username: 'sato', displayName: '', role: 'staff', password: PASSWORD }, 'displayName'],
  ])('refuses %j', (input, reason) => {
    const r = NewStaffAccount.safeParse(input);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(reason);
  });
});
