import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinResident, walkAlong, type Resident } from './sdkClients.ts';
import type { WaveNotice } from '../../shared/protocol/index.ts';

const RADIUS = 6;

/** A resident who also collects the waves the server tells it about. */
async function joinWatching(endpoint: string, nickname: string) {
  const r = await joinResident(endpoint, nickname);
  const waves: string[] = [];
  r.room.onMessage('wave', (m: WaveNotice) => waves.push(m.id));
  return { ...r, waves };
}
type Watching = Resident & { waves: string[] };

const refusals = (r: Resident, code: string) => r.errors.filter((e) => e.type === 'wave' && e.code === code);

describe('waving: seen by the people near by, refused when flooded or malformed', () => {
  let server: TestServer;
  let waver: Watching, near: Watching, far: Watching;

  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'error', INTEREST_RADIUS: String(RADIUS) });
    waver = await joinWatching(server.endpoint, 'waver');
    near = await joinWatching(server.endpoint, 'nearby');
    far = await joinWatching(server.endpoint, 'faraway');
  });
  afterAll(async () => {
    for (const r of [waver, near, far]) await r?.room.leave().catch(() => {});
    await server?.stop();
  });

  /**
   * A round trip of `r`'s own: a malformed wave answered with an error. Whatever the server sent `r`
   * before answering has arrived once the answer has (one socket, in order).
   */
  async function roundTrip(r: Resident): Promise<void> {
    const before = refusals(r, 'invalidMessage').length;
    r.room.send('wave', 'hello');
    await waitFor(
      () => refusals(r, 'invalidMessage').length > before,
      5000,
      'the refusal of a malformed wave',
    );
  }

  it(
    'a wave reaches the resident near by and the waver, not one out of sight',
    { timeout: 40_000 },
    async () => {
      // Into counters area A, through the opening in the west partition: well beyond the radius.
      await walkAlong(far, { x: -14, z: 10 });
      await waitFor(
        () => near.sees('waver') && !far.sees('waver'),
        5000,
        'near sees the waver, far does not',
      );

      waver.room.send('wave', {});
      await waitFor(() => near.waves.length > 0, 5000, 'the wave to reach the resident near by');
      expect(near.waves).toEqual([waver.room.sessionId]);
      expect(near.room.state.avatars.get(near.waves[0]!)?.nickname).toBe('waver');
      await waitFor(() => waver.waves.length > 0, 5000, 'the waver to see their own wave');
      // Sent to the far resident, it would have arrived before the answer to its own later message.
      await roundTrip(far);
      expect(far.waves).toEqual([]);
    },
  );

  it('nobody can wave as someone else, and malformed waves get invalidMessage', async () => {
    const before = near.waves.length;
    const refused = refusals(near, 'invalidMessage').length;
    near.room.send('wave', { id: waver.room.sessionId });
    near.room.send('wave', { seatId: null });
    near.room.send('wave', 42);
    const answers = await waitFor(
      () =>
        refusals(near, 'invalidMessage').length >= refused + 3 ? refusals(near, 'invalidMessage') : null,
      5000,
      'three refusals',
    );
    expect(answers.at(-1)!.detail.length).toBeGreaterThan(0);
    await roundTrip(waver);
    expect(near.waves.length).toBe(before);
    expect(waver.waves).toHaveLength(1);
  });

  it('a flood of waves is refused with rateLimited and relayed only within the budget', async () => {
    const seen = near.waves.length;
    for (let i = 0; i < 10; i++) waver.room.send('wave', {});
    // The first wave spent one of three points: two more go through, eight are refused.
    await waitFor(() => refusals(waver, 'rateLimited').length === 8, 5000, 'eight refusals');
    await roundTrip(near);
    expect(near.waves.length - seen).toBe(2);
    expect(refusals(waver, 'rateLimited')[0]!.detail).toMatch(/too many "wave" messages/);
  });
});
