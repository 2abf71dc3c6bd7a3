import type { HallJoinOptions } from '../../../shared/protocol/index.ts';
import { enterHall, leaveHall } from '../net/hallConnection.ts';
import { forgetConsultation } from '../net/consultationConnection.ts';
import { joinErrorKey } from '../net/joinErrors.ts';
import { useAppStore } from '../store/appStore.ts';
import { staffApi } from '../net/staffApi.ts';

/**
 * What the UI may ask of the connection, without knowing about Colyseus: enter, leave, and try again.
 * A refused entry sends the resident back to the entry screen with the reason.
 */
export async function joinHall(options: HallJoinOptions, asStaff = false): Promise<void> {
  try {
    if (asStaff) {
      const pass = await staffApi.hallPass();
      if (!pass) throw new Error('staffPassInvalid');
      options = { ...options, staffPass: pass };
    }
    await enterHall(options);
  } catch (err) {
    const app = useAppStore.getState();
    app.setJoinError(joinErrorKey(err));
    app.setProfile(null);
    forgetConsultation();
  }
}

export function leave(): void {
  void leaveHall();
  useAppStore.getState().setProfile(null);
}

/** Re-entering mounts the hall again with the same profile (a fresh seat, a fresh avatar). */
export function enterAgain(): void {
  const app = useAppStore.getState();
  const profile = app.profile;
  void leaveHall();
  app.setProfile(null);
  if (profile) setTimeout(() => app.setProfile({ ...profile }), 0);
}
