import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSignInLimits, type SignInPolicy } from './signInLimits.ts';
import { createStaffAccounts, toProfile } from './staffAccounts.ts';
import type { Redis } from 'ioredis';

export interface AuthPolicy extends Omit<SignInPolicy, 'maxFailuresPerAddress'> {
  sessionHours: number;
  maxFailuresPerAddress?: number;
  /** Shares the sign-in counts between processes. */
  redis?: Redis;
}

export type LoginResult =
  | { ok: true; token: string; profile: StaffProfile; expiresAt: Date }
  | { ok: false; reason: 'invalidCredentials' }
  | { ok: false; reason: 'locked'; retryAfterS: number };

/** One-use hall passes live a minute: long enough to open the hall, too short to be worth stealing. */
const HALL_PASS_S = 60;

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Sign-in with lockout after repeated failures, cookie sessions and one-use hall passes, over the
 * staff accounts (staffAccounts.ts). Tokens are random; only their SHA-256 is stored, so a database leak does not leak sessions.
 */
export function createAuthService(db: Db, policy: AuthPolicy, now: () => Date = () => new Date()) {
  const limits = createSignInLimits(
    { ...policy, maxFailuresPerAddress: policy.maxFailuresPerAddress ?? policy.maxFailures * 6 },
    policy.redis,
  );

  async function storeToken(staffId: number, kind: 'session' | 'hallPass', seconds: number) {
    const token = newToken();
    const expiresAt = new Date(now().getTime() + seconds * 1000);
    await db
      .insertInto('staff_sessions')
      .values({ token_hash: sha256(token), staff_id: staffId, kind, expires_at: expiresAt.toISOString() })
      .execute();
    return { token, expiresAt };
  }

  async function profileForToken(token: string, kind: 'session' | 'hallPass'): Promise<StaffProfile | null> {
    const row = await db
      .selectFrom('staff_sessions')
      .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_sessions.staff_id')
      .select(['staff_accounts.id', 'username', 'display_name', 'role', 'expires_at', 'disabled'])
      .where('token_hash', '=', sha256(token))
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!row || row.disabled || row.expires_at <= now().toISOString()) return null;
    return toProfile(row);
  }

  return {
    ...createStaffAccounts(db, now),

    /**
     * `maxFailures` tries per account from one address (and more over all accounts) per `lockMinutes`,
     * counted before the password is checked (see signInLimits.ts); then even the right password waits.
     */
    async login(username: string, password: string, from = 'local'): Promise<LoginResult> {
      const gate = await limits.attempt(username, from);
      if (!gate.ok) return { ok: false, reason: 'locked', retryAfterS: gate.retryAfterS };
      const nowIso = now().toISOString();
      const account = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('username', '=', username)
        .where('disabled', '=', 0)
        .executeTakeFirst();
      const valid = await verifyPassword(password, account?.password_hash ?? (await dummyHash()));
      if (!account || !valid) return { ok: false, reason: 'invalidCredentials' };
      await limits.succeeded(username, from);
      await db.deleteFrom('staff_sessions').where('expires_at', '<=', nowIso).execute();
      const { token, expiresAt } = await storeToken(account.id, 'session', policy.sessionHours * 3600);
      return { ok: true, token, profile: toProfile(account), expiresAt };
    },

    sessionProfile: (token: string) => profileForToken(token, 'session'),

    /** Whether `password` is the account's (enabled or not); for checks such as "still the demo password". */
    async hasPassword(username: string, password: string): Promise<boolean> {
      const row = await db
        .selectFrom('staff_accounts')
        .select('password_hash')
        .where('username', '=', username)
        .executeTakeFirst();
      return !!row && (await verifyPassword(password, row.password_hash));
    },

    async logout(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', sha256(token)).execute();
    },

    async issueHallPass(staffId: number): Promise<string> {
      return (await storeToken(staffId, 'hallPass', HALL_PASS_S)).token;
    },

    /**
     * A hall pass works once: it is deleted as it is redeemed, in one statement, so of several uses at
     * once (on any connection or process) only the one that deleted it gets in.
     */
    async redeemHallPass(pass: string): Promise<StaffProfile | null> {
      const used = await db
        .deleteFrom('staff_sessions')
        .where('token_hash', '=', sha256(pass))
        .where('kind', '=', 'hallPass')
        .returning(['staff_id', 'expires_at'])
        .executeTakeFirst();
      if (!used || used.expires_at <= now().toISOString()) return null;
      const account = await db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'display_name', 'role', 'disabled'])
        .where('id', '=', used.staff_id)
        .executeTakeFirst();
      return account && !account.disabled ? toProfile(account) : null;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
