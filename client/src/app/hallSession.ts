import type { HallJoinOptions } from '../../../shared/protocol/index.ts';
import { enterHall, leaveHall } from '../net/hallConnection.ts';
import { forgetConsultation } from '../net/consultationConnection.ts';
import { joinErrorKey } from '../net/joinErrors.ts';
import { useAppStore } from '../store/appStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { staffApi } from '../net/staffApi.ts';
import { retryUntil } from '../net/retryUntil.ts';

/**
 * Joining afresh after the hall room was lost for good: soon (another server process takes us at
 * once), then less and less often, for as long as a ticket is kept for someone away.
 */
const REJOIN_DELAYS_MS = [0, 500, 1000, 2000, 4000, 8000];
const REJOIN_FOR_MS = 10 * 60_000;

/**
 * What the UI may ask of the connection, without knowing about Colyseus: enter, leave, and try again.
 * A refused entry sends the resident back to the entry screen with the reason.
 */
export async function joinHall(options: HallJoinOptions, asStaff = false): Promise<void> {
  try {
    await enter(options, asStaff, false);
  } catch (err) {
    const app = useAppStore.getState();
    app.setJoinError(joinErrorKey(err));
    app.setProfile(null);
    forgetConsultation();
  }
}

/** Staff need a fresh one-use pass each time; residents come back with their resume token. */
async function enter(options: HallJoinOptions, asStaff: boolean, again: boolean): Promise<void> {
  let withPass = options;
  if (asStaff) {
    const pass = await staffApi.hallPass();
    if (!pass) throw new Error('staffPassInvalid');
    withPass = { ...options, staffPass: pass };
  }
  await enterHall(withPass, () => void rejoin(options, asStaff), again);
}

/** Same name, same ticket and place in the queue: the server finds them by the resume token. */
async function rejoin(options: HallJoinOptions, asStaff: boolean): Promise<void> {
  const profile = useAppStore.getState().profile;
  const stillHere = () => !!profile && useAppStore.getState().profile === profile;
  const back = await retryUntil(() => enter(options, asStaff, true), {
    delaysMs: REJOIN_DELAYS_MS,
    forMs: REJOIN_FOR_MS,
    give: () => !stillHere(),
  });
  if (back) useHallStore.getState().announce('connection.restored');
  else if (stillHere()) useHallStore.getState().setStatus('disconnected');
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
