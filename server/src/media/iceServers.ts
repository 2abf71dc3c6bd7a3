import { createHmac } from 'node:crypto';
import type { IceServer } from '../../../shared/protocol/index.ts';

export interface IceServerOptions {
  /** Servers everyone gets as configured (STUN, or a TURN server with a fixed password). */
  fixed: IceServer[];
  turnUrls: string[];
  turnSecret?: string;
  ttlHours: number;
}

/**
 * The ICE servers one person is given. With a TURN secret, each gets a user name that ends at an expiry
 * time and a password derived from it (the TURN REST API scheme coturn checks with `use-auth-secret`):
 * what leaks from one briefing or consultation stops working within hours and names whose it was.
 */
export function createIceServers(opts: IceServerOptions) {
  return {
    forPerson(who: string, now = Date.now()): IceServer[] {
      if (!opts.turnSecret || opts.turnUrls.length === 0) return opts.fixed;
      const expires = Math.floor(now / 1000) + opts.ttlHours * 3600;
      // TURN user names are short and colon-separated: keep `who` to a tag without colons.
      const username = `${expires}:${who.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || 'visitor'}`;
      const credential = createHmac('sha1', opts.turnSecret).update(username).digest('base64');
      return [...opts.fixed, { urls: opts.turnUrls, username, credential }];
    },
  };
}
export type IceServers = ReturnType<typeof createIceServers>;
