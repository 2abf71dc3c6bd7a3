import { ServerError } from '@colyseus/core';
import { can } from '../../../../shared/auth/roles.ts';
import type { BriefingJoinOptions, EventView } from '../../../../shared/protocol/index.ts';
import type { AuthService } from '../../auth/authService.ts';
import { staffFromPass } from '../common/joinIdentity.ts';

export interface BriefingAuth {
  nickname: string;
  role: 'attendee' | 'presenter' | 'interpreter' | 'captioner' | 'moderator';
  /** The same person across rejoins: staff account, or the key of the tab's signed visitor token. */
  key: string;
  seat?: string;
}

/**
 * Who is joining, from validated join options. Roles come from a staff hall pass (presenter, sign-language
 * interpreter or captioner if named so on the event, else moderator if host or admin), never from the client; a resident is known by the signed
 * visitor token of their tab (checked before the seat was reserved), so a removal holds and a seat claim
 * is checked against the hall.
 */
export async function whoJoins(
  o: BriefingJoinOptions,
  visitorKey: string | null,
  event: EventView,
  deps: { auth: AuthService; seatOf(residentKey: string): Promise<string> },
  removed: ReadonlySet<string>,
): Promise<BriefingAuth> {
  if (!o.staffPass) {
    if (!visitorKey) throw new ServerError(401, 'visitorTokenInvalid: no visitor token');
    const key = `resident:${visitorKey}`;
    if (removed.has(key)) throw new ServerError(403, 'removed: a moderator removed you from this briefing');
    // The seat counts only if the hall says this resident sits on it (nobody claims a seat from afar).
    const seat = o.seat && (await deps.seatOf(visitorKey)) === o.seat ? o.seat : undefined;
    return { nickname: o.nickname, role: 'attendee', key, seat };
  }
  const staff = await staffFromPass(deps.auth, o.staffPass);
  const role = event.presenters.includes(staff.username)
    ? 'presenter'
    : event.interpreters.includes(staff.username)
      ? 'interpreter'
      : event.captioners.includes(staff.username)
        ? 'captioner'
        : can(staff.role, 'hostEvents')
          ? 'moderator'
          : 'attendee';
  return { nickname: staff.displayName, role, key: `staff:${staff.username}` };
}
