import { ApiError } from '../net/catalogApi.ts';

/** The server's refusal (its code and sentence), or null when the server was not reached at all. */
export function refusalOf(err: unknown): { code?: string; message: string } | null {
  return err instanceof ApiError ? { code: err.code, message: err.message } : null;
}

/** The server's reason for a refusal, to show as it is ('' when there was no answer at all). */
export const refusalReason = (err: unknown): string => refusalOf(err)?.message ?? '';
