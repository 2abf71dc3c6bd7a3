import type { StaffProfile } from '../../../shared/auth/roles.ts';

export type SignInResult =
  | { ok: true; profile: StaffProfile }
  | { ok: false; reason: 'invalidCredentials' | 'locked' | 'network'; retryAfterS?: number };

/** Staff sign-in over HTTP. The session is an httpOnly cookie: this code never sees it. */
export const staffApi = {
  async signIn(username: string, password: string): Promise<SignInResult> {
    try {
      const res = await fetch('/api/staff/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.ok) return { ok: true, profile: (await res.json()) as StaffProfile };
      if (res.status === 429) {
        const body = (await res.json()) as { retryAfterS?: number };
        return { ok: false, reason: 'locked', retryAfterS: body.retryAfterS };
      }
      return {
        ok: false,
        reason: res.status === 401 || res.status === 400 ? 'invalidCredentials' : 'network',
      };
    } catch {
      return { ok: false, reason: 'network' };
    }
  },

  async me(): Promise<StaffProfile | null> {
    const res = await fetch('/api/staff/session').catch(() => null);
    return res?.ok ? ((await res.json()) as StaffProfile | null) : null;
  },

  async hallPass(): Promise<string | null> {
    const res = await fetch('/api/staff/hall-pass', { method: 'POST' }).catch(() => null);
    return res?.ok ? ((await res.json()) as { pass: string }).pass : null;
  },

  async signOut(): Promise<void> {
    await fetch('/api/staff/logout', { method: 'POST' }).catch(() => null);
  },
};
