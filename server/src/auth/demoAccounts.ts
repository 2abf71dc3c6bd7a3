import type { AuthService } from './authService.ts';
import type { NewStaffAccount } from '../../../shared/auth/roles.ts';

/** Published in the README: only ever created with DEMO_DATA=on, and only into an empty account table. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNTS: NewStaffAccount[] = [
  { username: 'demo-admin', displayName: '管理者 (Admin)', role: 'admin', password: DEMO_PASSWORD },
  { username: 'demo-staff', displayName: '佐藤 (Sato)', role: 'staff', password: DEMO_PASSWORD },
  { username: 'demo-staff2', displayName: '鈴木 (Suzuki)', role: 'staff', password: DEMO_PASSWORD },
  { username: 'demo-host', displayName: '高橋 (Takahashi)', role: 'host', password: DEMO_PASSWORD },
];

export async function seedDemoAccounts(auth: AuthService): Promise<boolean> {
  if ((await auth.countAccounts()) > 0) return false;
  for (const account of DEMO_ACCOUNTS) await auth.createAccount(account);
  return true;
}
