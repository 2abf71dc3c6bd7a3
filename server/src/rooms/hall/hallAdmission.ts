import { ServerError } from '@colyseus/core';
import { HallJoinOptions } from '../../../../shared/protocol/index.ts';
import type { AuthService } from '../../auth/authService.ts';
import type { VisitorTokens } from '../../auth/visitorTokens.ts';
import { isDomainError } from '../../domainError.ts';
import type { Person } from '../../desk/deskTypes.ts';
import type { JoinGuard } from '../common/joinGuard.ts';
import { formatIssues } from '../common/formatIssues.ts';
import { staffFromPass } from '../common/joinIdentity.ts';

export interface JoinAuth {
  options: HallJoinOptions;
  person: Person;
  /** For a resident who came without a valid token, or with one due for renewal: sent once on join. */
  newVisitorToken?: string;
  /** The client address the seat was reserved for (its reservation counts until it connects). */
  address: string;
}

/**
 * Who may enter a hall room, decided while the seat is reserved (before any WebSocket): valid options,
 * an identity the server issued (a staff pass, or a resident's signed visitor token, a new one if
 * need be), and the cap on reservations per address.
 */
export async function admit(
  options: unknown,
  address: string,
  deps: { auth: AuthService; visitors: VisitorTokens; joins: JoinGuard },
): Promise<JoinAuth> {
  const { joins } = deps;
  const parsed = HallJoinOptions.safeParse(options);
  if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
  const opts = parsed.data;
  if (opts.staffPass) {
    await joins.reserve(address);
    const profile = await staffFromPass(deps.auth, opts.staffPass);
    return { options: opts, person: { kind: 'staff', profile }, address };
  }
  // Identity before the seat: an address out of new identities is refused without holding a
  // reservation (which would keep its other residents out), and a refused seat gives the identity back.
  // A token the server did not sign (made up, from an older version, expired) counts as none.
  const known = deps.visitors.check(opts.visitorToken);
  const visitor = known
    ? { key: known.key, token: known.renewed, issued: false }
    : await deps.visitors.issue(address).then(
        (fresh) => ({ key: fresh.visitor.key, token: fresh.token, issued: true }),
        (err: unknown) => {
          throw isDomainError(err) ? new ServerError(429, `${err.code}: ${err.message}`) : err;
        },
      );
  try {
    await joins.reserve(address);
  } catch (err) {
    if (visitor.issued) await deps.visitors.refund(address);
    throw err;
  }
  return {
    options: opts,
    person: { kind: 'resident', residentKey: visitor.key, nickname: opts.nickname, lang: opts.lang },
    newVisitorToken: visitor.token,
    address,
  };
}
