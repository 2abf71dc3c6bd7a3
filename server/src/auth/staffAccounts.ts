import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import { lockUntilCommit } from '../db/dialect.ts';
import type { NewStaffAccount, StaffProfile, StaffRole } from '../../../shared/auth/roles.ts';
import type { PasswordReset, StaffAccountView } from '../../../shared/protocol/admin.ts';
import { hashPassword } from './passwords.ts';
import { generatePassword } from './generatedPassword.ts';

export const toProfile = (row: { id: number; username: string; display_name: string; role: string }) => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role as StaffRole,
});

/**
 * Changes that could leave the city without an admin (a demotion, a disabling) run one at a time and
 * are undone when they took away the last enabled admin: two admins demoting each other at once leave
 * one. SQLite runs one writer at a time anyway; PostgreSQL takes a transaction-wide lock.
 */
async function keepingAnAdmin<T>(db: Db, change: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockUntilCommit(trx, 'staff-admins');
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
 * The staff accounts as admins manage them: create, list, set role and department, disable, reset the
 * password, end every session. Nothing here signs anyone in (authService.ts does).
 */
export function createStaffAccounts(db: Db, now: () => Date = () => new Date()) {
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

    /** The accounts that can sign in; with `includeDisabled`, every one (the admin console). */
    async listAccounts({ includeDisabled = false } = {}): Promise<StaffAccountView[]> {
      let q = db
        .selectFrom('staff_accounts')
        .select(['id', 'username', 'display_name', 'role', 'department', 'disabled', 'created_at'])
        .orderBy('username');
      if (!includeDisabled) q = q.where('disabled', '=', 0);
      return (await q.execute()).map((r) => ({
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
  };
}
