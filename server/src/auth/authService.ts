import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import type { NewStaffAccount, StaffProfile, StaffRole } from '../../../shared/auth/roles.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

export interface AuthPolicy {
  sessionHours: number;
  maxFailures: number;
  lockMinutes: number;
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
 * Staff accounts, sign-in with lockout after repeated failures, cookie sessions and one-use hall
 * passes. Tokens are random; only their SHA-256 is stored, so a database leak does not leak sessions.
 */
export function createAuthService(db: Db, policy: AuthPolicy, now: () => Date = () => new Date()) {
  const toProfile = (row: { id: number; username: string; display_name: string; role: string }) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
  });

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

  async function recordFailure(username: string): Promise<void> {
    const at = now();
    const row = await db
      .selectFrom('login_failures')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    const lockedUntil =
      failures >= policy.maxFailures
        ? new Date(at.getTime() + policy.lockMinutes * 60_000).toISOString()
        : null;
    await db
      .insertInto('login_failures')
      .values({ username, failures, last_failure_at: at.toISOString(), locked_until: lockedUntil })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet({ failures, last_failure_at: at.toISOString(), locked_until: lockedUntil }),
      )
      .execute();
  }

  return {
    async createAccount(input: NewStaffAccount): Promise<StaffProfile> {
      const existing = await db
        .selectFrom('staff_accounts')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (existing) throw new DomainError('usernameTaken', `username "${input.username}" is already taken`);
      const row = await db
        .insertInto('staff_accounts')
        .values({
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: await hashPassword(input.password),
          created_at: now().toISOString(),
        })
        .returning(['id', 'username', 'display_name', 'role'])
        .executeTakeFirstOrThrow();
      return toProfile(row);
    },

    async countAccounts(): Promise<number> {
      const row = await db
        .selectFrom('staff_accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async listAccounts(): Promise<StaffProfile[]> {
      const rows = await db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'display_name', 'role'])
        .where('disabled', '=', 0)
        .orderBy('username')
        .execute();
      return rows.map(toProfile);
    },

    /**
     * After `maxFailures` wrong passwords in a row the username is locked for `lockMinutes`, even for the
     * right password, so guessing is slowed to a handful of tries per lock period.
     */
    async login(username: string, password: string): Promise<LoginResult> {
      const failure = await db
        .selectFrom('login_failures')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      const nowIso = now().toISOString();
      if (failure?.locked_until && failure.locked_until > nowIso) {
        const retryAfterS = Math.ceil((Date.parse(failure.locked_until) - now().getTime()) / 1000);
        return { ok: false, reason: 'locked', retryAfterS };
      }
      const account = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('username', '=', username)
        .where('disabled', '=', 0)
        .executeTakeFirst();
      const valid = await verifyPassword(password, account?.password_hash ?? (await dummyHash()));
      if (!account || !valid) {
        await recordFailure(username);
        return { ok: false, reason: 'invalidCredentials' };
      }
      await db.deleteFrom('login_failures').where('username', '=', username).execute();
      await db.deleteFrom('staff_sessions').where('expires_at', '<=', nowIso).execute();
      const { token, expiresAt } = await storeToken(account.id, 'session', policy.sessionHours * 3600);
      return { ok: true, token, profile: toProfile(account), expiresAt };
    },

    sessionProfile: (token: string) => profileForToken(token, 'session'),

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
