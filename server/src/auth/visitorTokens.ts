import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import { sharedLimiter } from '../limits/sharedLimiter.ts';

/** `id.issued.mac`: a random id, the issue time (seconds, base 36) and an HMAC of both. */
const TOKEN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;
const RENEW_AFTER_MS = 24 * 3600_000;
const CLOCK_SKEW_MS = 60_000;

export interface Visitor {
  /** Stable for the token's id across renewals; what tickets, bookings and briefings remember. */
  key: string;
  /** A fresh token for the same visitor, when this one is more than a day old. */
  renewed?: string;
}

export interface VisitorTokenOptions {
  maxAgeDays: number;
  /** New identities one address may get per hour (identities are free; addresses are not). */
  perAddressPerHour: number;
  redis?: Redis;
}

/**
 * Identity the server issues to residents. A visitor cannot choose or invent one: only tokens signed
 * with the server's key count, so per-person limits (one number, one vote, one booking per slot, a
 * removal from a briefing) cannot be escaped by making up a new token, only by asking for one, which is
 * counted per address.
 */
export function createVisitorTokens(secret: Buffer, opts: VisitorTokenOptions) {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  const make = (id: string, now: number) => {
    const body = `${id}.${Math.floor(now / 1000).toString(36)}`;
    return `${body}.${sign(body)}`;
  };
  const issued = sharedLimiter(
    'visitor-tokens',
    { points: opts.perAddressPerHour, perSeconds: 3600 },
    opts.redis,
  );
  const maxAgeMs = opts.maxAgeDays * 86_400_000;

  return {
    /** A visitor for this token, or null when it is malformed, forged or expired (treat as none). */
    check(token: string | undefined, now = Date.now()): Visitor | null {
      const m = token ? TOKEN.exec(token) : null;
      if (!m) return null;
      const [, id, at, mac] = m as unknown as [string, string, string, string];
      const expected = Buffer.from(sign(`${id}.${at}`));
      if (!timingSafeEqual(expected, Buffer.from(mac))) return null;
      const issuedAt = parseInt(at, 36) * 1000;
      if (issuedAt > now + CLOCK_SKEW_MS || now - issuedAt > maxAgeMs) return null;
      const key = createHash('sha256').update(id).digest('base64url');
      return { key, renewed: now - issuedAt > RENEW_AFTER_MS ? make(id, now) : undefined };
    },
    /** A new visitor for a client at `address`; refused with `rateLimited` past the hourly allowance. */
    async issue(address: string, now = Date.now()): Promise<{ token: string; visitor: Visitor }> {
      const waitS = await issued.take(address);
      if (waitS !== null) {
        throw new DomainError(
          'rateLimited',
          `too many new visitors from this address: try again in ${Math.ceil(waitS / 60)} min`,
        );
      }
      const token = make(randomBytes(16).toString('base64url'), now);
      return { token, visitor: this.check(token, now)! };
    },
    /** The identity just issued was not used after all (the join it was for was refused). */
    refund: (address: string) => issued.give(address),
  };
}
export type VisitorTokens = ReturnType<typeof createVisitorTokens>;

/** The signing key: made once by whichever process starts first, then read by all (and after restarts). */
export async function loadVisitorSecret(db: Db): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({
      name: 'visitor-token',
      value: randomBytes(32).toString('base64url'),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', 'visitor-token')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
