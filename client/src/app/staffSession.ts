import { staffApi, type SignInResult } from '../net/staffApi.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { AVATAR_COLORS } from '../../../shared/constants.ts';

/** Staff sign-in for the UI: the session cookie stays with the browser, the profile goes to the store. */
export async function signInStaff(username: string, password: string): Promise<SignInResult> {
  const result = await staffApi.signIn(username, password);
  if (result.ok) useQueueStore.getState().setStaff(result.profile);
  return result;
}

export async function resumeStaffSession(): Promise<string | null> {
  const profile = await staffApi.me();
  if (profile) useQueueStore.getState().setStaff(profile);
  return profile?.displayName ?? null;
}

/** Enters the hall as staff; the server takes name, role and uniform from the account, not from here. */
export function enterHallAsStaff(displayName: string): void {
  useAppStore.getState().setJoinError(null);
  useAppStore.getState().setProfile({ nickname: displayName, color: AVATAR_COLORS[1], staff: true });
}
