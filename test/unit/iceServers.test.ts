import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIceServers } from '../../server/src/media/iceServers.ts';

const stun = { urls: 'stun:stun.example.org:3478' };

describe('ICE servers per person', () => {
  it('without a TURN secret everyone gets the configured list', () => {
    const ice = createIceServers({ fixed: [stun], turnUrls: [], ttlHours: 12 });
    expect(ice.forPerson('a')).toEqual([stun]);
  });

  it('with a TURN secret each person gets a name that expires and the password coturn derives from it', () => {
    const secret = 'shared-with-coturn-0123';
    const ice = createIceServers({
      fixed: [stun],
      turnUrls: ['turn:turn.example.org:3478'],
      turnSecret: secret,
      ttlHours: 12,
    });
    const now = Date.UTC(2026, 11, 2, 9);
    const [first, turn] = ice.forPerson('e7-abc:DEF', now);
    expect(first).toEqual(stun);
    const expires = now / 1000 + 12 * 3600;
    expect(turn!.username).toBe(`${expires}:e7-abcDEF`);
    expect(turn!.credential).toBe(createHmac('sha1', secret).update(turn!.username!).digest('base64'));
    // Someone else, or the same person later, gets other credentials.
    expect(ice.forPerson('t1-resident', now)[1]!.credential).not.toBe(turn!.credential);
    expect(ice.forPerson('e7-abcDEF', now + 1000)[1]!.username).not.toBe(turn!.username);
  });
});
