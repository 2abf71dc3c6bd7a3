import { z } from 'zod';
import { IceServer } from '../../../shared/protocol/index.ts';

/** What this tab needs to get back into its consultation after a reload (sessionStorage: this tab only). */
const ResumeInfo = z.object({
  /** The room's reconnection token: the server's proof that this seat was ours. */
  token: z.string(),
  role: z.enum(['resident', 'staff']),
  iceServers: z.array(IceServer),
  /** What we were sending, switched on again after the reload (the browser remembers the permission). */
  media: z.object({ mode: z.enum(['video', 'audio']), muted: z.boolean() }).nullable(),
});
export type ResumeInfo = z.infer<typeof ResumeInfo>;

const KEY = 'city-hall.consultation';
let unloading = false;
// Leaving the page closes the room's socket: that is not leaving the consultation, so keep what a reload needs.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => (unloading = true));
  // Back from the back/forward cache: the page lives on, and leaving the room must forget it again.
  window.addEventListener('pageshow', () => (unloading = false));
}

export function readResume(): ResumeInfo | null {
  try {
    const parsed = ResumeInfo.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveResume(info: ResumeInfo): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(info));
  } catch {
    // Without storage a reload ends our part of the consultation; the call itself is unaffected.
  }
}

export function clearResume(): void {
  if (unloading) return;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
