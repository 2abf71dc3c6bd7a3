import { VISITOR_TOKEN_PATTERN } from '../../../shared/protocol/index.ts';

const KEY = 'city-hall.resume';

/**
 * The signed identity the server gave this tab. Per tab (sessionStorage): a reload finds the same
 * ticket, a second tab is a second resident. A token of an older shape is ignored (the hall issues a new
 * one on entry).
 */
export function storedVisitorToken(): string | undefined {
  try {
    const token = sessionStorage.getItem(KEY) ?? undefined;
    return token && VISITOR_TOKEN_PATTERN.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

export function storeVisitorToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Without storage the ticket still lasts while the connection does.
  }
}

/** The server refused the stored token (expired, or the city hall's key changed): ask for a new one. */
export function forgetVisitorToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** The tab's token, or a new one from the server for a page used before (or without) the hall. */
export async function visitorToken(): Promise<string | undefined> {
  const stored = storedVisitorToken();
  if (stored) return stored;
  const res = await fetch('/api/visitor', { method: 'POST' }).catch(() => null);
  if (!res?.ok) return undefined;
  const { visitorToken: token } = (await res.json()) as { visitorToken: string };
  storeVisitorToken(token);
  return token;
}
