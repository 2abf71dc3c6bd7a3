import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import type { NewStaffAccount, StaffProfile, StaffRole } from '../../../shared/auth/roles.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSignInLimits, type SignInPolicy } from './signInLimits.ts';
import { generatePassword } from './generatedPassword.ts';
import { isPostgres } from '../db/dialect.ts';
import type { PasswordReset, StaffAccountView } from '../../../shared/protocol/admin.ts';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';

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
 * Changes that could leave the city without an admin (a demotion, a disabling) run one at a time and
 * are undone when they took away the last enabled admin: two admins demoting each other at once leave
 * one. SQLite runs one writer at a time anyway; PostgreSQL takes a transaction-wide lock.
 */
async function keepingAnAdmin<T>(db: Db, change: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext('city-hall:staff-admins'))`.execute(trx);
    const admins = async () =>
      Number(
        (
          await trx
            .selectFrom('staff_accounts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('role', '=', 'admin')
            .where('disabled', '=', 0)
            .executeTakeFirst()
        )?.n ?? 0,
      );
    const before = await admins();
    const result = await change(trx);
    if (before > 0 && (await admins()) === 0) {
      throw new DomainError('lastAdmin', 'this is the last enabled admin: make another admin first');
    }
    return result;
  });
}

/**
 * Staff accounts, sign-in with lockout after repeated failures, cookie sessions and one-use hall
 * passes. Tokens are random; only their SHA-256 is stored, so a database leak does not leak sessions.
 */
export function createAuthService(db: Db, policy: AuthPolicy, now: () => Date = () => new Date()) {
  const limits = createSignInLimits(
    { ...policy, maxFailuresPerAddress: policy.maxFailuresPerAddress ?? policy.maxFailures * 6 },
    policy.redis,
  );
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
          department: input.department ?? null,
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

    /** Which department's call-ups reach an account (null: only call-ups to everyone). */
    async setDepartment(
      id: number,
      department: string | null,
    ): Promise<{ id: number; username: string; department: string | null }> {
      const row = await db
        .updateTable('staff_accounts')
        .set({ department })
        .where('id', '=', id)
        .returning(['id', 'username', 'department'])
        .executeTakeFirst();
      if (!row) throw new DomainError('noSuchAccount', `no staff account ${id}`);
      return row;
    },

    async account(id: number): Promise<StaffProfile> {
      const row = await db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'display_name', 'role'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new DomainError('noSuchAccount', `no staff account ${id}`);
      return toProfile(row);
    },

    /** Every account, disabled ones included, for the admin console. */
    async listAllAccounts(): Promise<StaffAccountView[]> {
      const rows = await db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'display_name', 'role', 'department', 'disabled', 'created_at'])
        .orderBy('username')
        .execute();
      return rows.map((r) => ({
        ...toProfile(r),
        department: r.department,
        disabled: Number(r.disabled) !== 0,
        createdAt: r.created_at,
      }));
    },

    /** A new role takes effect at the account's next request (sessions read the role each time). */
    async setRole(id: number, role: StaffRole): Promise<StaffProfile> {
      return keepingAnAdmin(db, async (trx) => {
        const row = await trx
          .updateTable('staff_accounts')
          .set({ role })
          .where('id', '=', id)
          .returning(['id', 'username', 'display_name', 'role'])
          .executeTakeFirst();
        if (!row) throw new DomainError('noSuchAccount', `no staff account ${id}`);
        return toProfile(row);
      });
    },

    /**
     * A password the server makes, shown once to the admin; every session and hall pass of the account
     * ends, so whoever knew the old password is out too.
     */
    async resetPassword(id: number): Promise<PasswordReset> {
      const password = generatePassword();
      const hash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('staff_accounts')
          .set({ password_hash: hash })
          .where('id', '=', id)
          .returning(['id', 'username'])
          .executeTakeFirst();
        if (!row) throw new DomainError('noSuchAccount', `no staff account ${id}`);
        const gone = await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).executeTakeFirst();
        return { id: row.id, username: row.username, password, sessionsEnded: Number(gone.numDeletedRows) };
      });
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

    /** A disabled account cannot sign in, and every session and hall pass it had ends now. */
    async setDisabled(
      id: number,
      disabled: boolean,
      /** The published demo admin is disabled even when it is the only admin (DEMO_DATA=off). */
      opts: { evenTheLastAdmin?: boolean } = {},
    ): Promise<StaffProfile> {
      const run = <T>(change: (trx: Db) => Promise<T>) =>
        opts.evenTheLastAdmin ? db.transaction().execute(change) : keepingAnAdmin(db, change);
      return run(async (trx) => {
        const row = await trx
          .updateTable('staff_accounts')
          .set({ disabled: disabled ? 1 : 0 })
          .where('id', '=', id)
          .returning(['id', 'username', 'display_name', 'role'])
          .executeTakeFirst();
        if (!row) throw new DomainError('noSuchAccount', `no staff account ${id}`);
        if (disabled) await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
        return toProfile(row);
      });
    },

    /** Ends every session and hall pass of the account (a lost laptop, a shared password). */
    async signOutEverywhere(id: number): Promise<number> {
      const gone = await db.deleteFrom('staff_sessions').where('staff_id', '=', id).executeTakeFirst();
      return Number(gone.numDeletedRows);
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
