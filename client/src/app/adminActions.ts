import { adminApi } from '../net/adminApi.ts';
import { staffApi } from '../net/staffApi.ts';
import { ApiError } from '../net/catalogApi.ts';

/** What the admin console may ask of the server (the session cookie says who asks). */
export const adminActions = { ...adminApi, whoIsSignedIn: staffApi.me };

/** The server's refusal (its code and sentence), or null when the server was not reached at all. */
export function refusalOf(err: unknown): { code?: string; message: string } | null {
  return err instanceof ApiError ? { code: err.code, message: err.message } : null;
}
