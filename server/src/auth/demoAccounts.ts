import type { AuthService } from './authService.ts';
import type { NewStaffAccount } from '../../../shared/auth/roles.ts';

/** Published in the README: only ever created with DEMO_DATA=on, and only into an empty account table. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNTS: NewStaffAccount[] = [
  { username: 'demo-admin', displayName: '管理者 (Admin)', role: 'admin', password: DEMO_PASSWORD },
  {
    username: 'demo-staff',
    displayName: '佐藤 (Sato)',
    role: 'staff',
    password: DEMO_PASSWORD,
    department: 'shimin-ka',
  },
  {
    username: 'demo-staff2',
    displayName: '鈴木 (Suzuki)',
    role: 'staff',
    password: DEMO_PASSWORD,
    department: 'kokuho-nenkin-ka',
  },
  { username: 'demo-host', displayName: '高橋 (Takahashi)', role: 'host', password: DEMO_PASSWORD },
  { username: 'demo-guide', displayName: '田中 (Tanaka)', role: 'guide', password: DEMO_PASSWORD },
];

/**
 * With DEMO_DATA=off the published demo accounts must not work, even on a database that once ran with
 * demo data: each that still has the published password is disabled (one given a real password by an
 * admin is a real account now and stays). Returns the usernames disabled.
 */
export async function disableDemoAccounts(auth: AuthService): Promise<string[]> {
  const disabled: string[] = [];
  const enabled = await auth.listAccounts();
  for (const demo of DEMO_ACCOUNTS) {
    const account = enabled.find((a) => a.username === demo.username);
    if (account && (await auth.hasPassword(demo.username, DEMO_PASSWORD))) {
      await auth.setDisabled(account.id, true, { evenTheLastAdmin: true });
      disabled.push(demo.username);
    }
  }
  return disabled;
}

export async function seedDemoAccounts(auth: AuthService): Promise<boolean> {
  if ((await auth.countAccounts()) > 0) return false;
  for (const account of DEMO_ACCOUNTS) await auth.createAccount(account);
  return true;
}
