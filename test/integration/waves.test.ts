import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinResident, walkAlong, type Resident } from './sdkClients.ts';
import { ClientMessage, type WaveNotice } from '../../shared/protocol/index.ts';
import { hallOfTwoPerRoom, type Participant } from './staffQueue.ts';

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

/**
 * Staff on duty stand at their counter in every hall room (mirrored there as `staff:<id>`): their wave
 * reaches the residents of the other rooms too. Two people per room: staff and aki in one, ben in the other.
 */
describe('a wave of staff on duty reaches every hall room', () => {
  let server: TestServer;
  let staff: Participant, aki: Participant, ben: Participant;
  const waves = new Map<Participant, string[]>();
  const wavesOf = (p: Participant) => waves.get(p)!;

  beforeAll(async () => {
    ({
      server,
      staff,
      residents: [aki, ben],
    } = await hallOfTwoPerRoom({}, ['あき', 'ベン'], '10.1.9'));
    for (const p of [staff, aki, ben]) {
      waves.set(p, []);
      p.room.onMessage('wave', (m: WaveNotice) => wavesOf(p).push(m.id));
    }
  });
  afterAll(async () => {
    for (const p of [staff, aki, ben]) await p?.room.leave().catch(() => {});
    await server?.stop();
  });

  /** Everything the server sent `p` before answering a malformed wave has arrived once the answer has. */
  async function roundTrip(p: Participant): Promise<void> {
    const refused = p.refusal('wave');
    p.room.send('wave', 'hello');
    expect(await refused).toBe('invalidMessage');
  }

  it('shows the wave on the mirrored staff avatar in the other room, once', { timeout: 30_000 }, async () => {
    expect(ben.room.roomId).not.toBe(staff.room.roomId);
    // Not yet on duty: nobody in ben's room sees them, and their wave stays in their own room.
    staff.room.send('wave', {});
    await waitFor(() => wavesOf(aki).length > 0, 5000, 'aki to see the wave');
    await roundTrip(ben);
    expect(wavesOf(ben)).toEqual([]);

    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const mirrored = await waitFor(
      () =>
        [...ben.room.state.avatars.entries()].find(
          ([key, a]) => a.role === 'staff' && key.startsWith('staff:'),
        ),
      5000,
      'the staff member at counter 1 in ben’s room',
    );
    staff.room.send('wave', {});
    await waitFor(() => wavesOf(ben).length > 0, 5000, 'the wave to reach ben in the other room');
    expect(wavesOf(ben)).toEqual([mirrored[0]]);
    // Their own room sees their real avatar wave, not a mirrored one as well.
    await waitFor(() => wavesOf(aki).length === 2, 5000, 'aki to see the second wave');
    await roundTrip(aki);
    expect(wavesOf(aki)).toEqual([staff.room.sessionId, staff.room.sessionId]);
  });

  it('a resident’s wave stays in their room, and nobody can wave as staff', async () => {
    const benBefore = wavesOf(ben).length;
    aki.room.send('wave', {});
    await waitFor(() => wavesOf(aki).includes(aki.room.sessionId), 5000, 'aki to see their own wave');
    aki.room.send('wave', { staffId: staff.room.state.avatars.size });
    expect(await aki.refusal('wave')).toBe('invalidMessage');
    await roundTrip(ben);
    expect(wavesOf(ben).length).toBe(benBefore);
  });
});
