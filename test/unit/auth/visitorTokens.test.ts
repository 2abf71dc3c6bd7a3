import { describe, expect, it } from 'vitest';
import { createVisitorTokens } from '../../../server/src/auth/visitorTokens.ts';
import { VISITOR_TOKEN_PATTERN } from '../../../shared/protocol/index.ts';

const DAY = 86_400_000;
const secret = Buffer.alloc(32, 7);
const tokens = (perAddressPerHour = 100, key = secret) =>
  createVisitorTokens(key, { maxAgeDays: 30, perAddressPerHour });

describe('visitor tokens', () => {
  it('the server checks what it issued; the key stays the same through a renewal', async () => {
    const t = tokens();
    const now = Date.UTC(2026, 11, 2);
    const { token, visitor } = await t.issue('198.51.100.1', now);
    expect(token).toMatch(VISITOR_TOKEN_PATTERN);
    expect(t.check(token, now + 1000)).toEqual({ key: visitor.key, renewed: undefined });
    const dayLater = t.check(token, now + DAY + 1000)!;
    expect(dayLater.key).toBe(visitor.key);
    expect(dayLater.renewed).toMatch(VISITOR_TOKEN_PATTERN);
    expect(dayLater.renewed).not.toBe(token);
    // The renewed token outlives the first one.
    expect(t.check(token, now + 30.5 * DAY)).toBeNull();
    expect(t.check(dayLater.renewed, now + 30.5 * DAY)?.key).toBe(visitor.key);
  });

  it('refuses forged, foreign, expired and future tokens, and anything that is not a token', async () => {
    const t = tokens();
    const now = Date.UTC(2026, 11, 2);
    const { token } = await t.issue('198.51.100.1', now);
    const [id, at, mac] = token.split('.') as [string, string, string];
    const otherId = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    expect(t.check(`${otherId}.${at}.${mac}`, now)).toBeNull();
    expect(t.check(`${id}.${(parseInt(at, 36) + 86_400).toString(36)}.${mac}`, now)).toBeNull();
    expect(tokens(100, Buffer.alloc(32, 8)).check(token, now)).toBeNull();
    expect(t.check(token, now + 31 * DAY)).toBeNull();
    expect(t.check(token, now - 10 * 60_000)).toBeNull();
    for (const junk of [undefined, '', 'a'.repeat(43), `${token}x`, token.replaceAll('.', '-')]) {
      expect(t.check(junk, now)).toBeNull();
    }
  });

  it('new identities are counted per address', async () => {
    const t = tokens(2);
    await t.issue('203.0.113.1');
    await t.issue('203.0.113.1');
    await expect(t.issue('203.0.113.1')).rejects.toMatchObject({ code: 'rateLimited' });
    await expect(t.issue('203.0.113.2')).resolves.toHaveProperty('token');
  });
});
