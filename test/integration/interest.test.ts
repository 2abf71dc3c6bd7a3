import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinResident, walkAlong } from './sdkClients.ts';

const RADIUS = 6;

describe('interest management', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ INTEREST_RADIUS: String(RADIUS) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it(
    'a client does not receive an avatar beyond the radius, and receives it again when it comes back',
    { timeout: 40_000 },
    async () => {
      const stay = await joinResident(server.endpoint, 'stayer');
      const walker = await joinResident(server.endpoint, 'walker');
      await waitFor(() => stay.sees('walker'), 3000, 'initial visibility');
      const home = stay.self();

      // Into counters area A, through the opening in the west partition: well beyond the radius.
      await walkAlong(walker, { x: -14, z: 10 });
      const w = walker.self();
      expect(Math.hypot(w.x - home.x, w.z - home.z)).toBeGreaterThan(RADIUS);
      await waitFor(() => !stay.sees('walker'), 3000, 'the far avatar to leave the view');
      // The walker still has itself, and the shared counts still know where everyone is.
      expect(walker.sees('walker')).toBe(true);
      expect(stay.room.state.population).toBe(2);
      expect(stay.room.state.areaCounts.get('counters-a')).toBe(1);

      await walkAlong(walker, { x: home.x + 1.5, z: home.z });
      await waitFor(() => stay.sees('walker'), 3000, 'the avatar to come back into view');
      await stay.room.leave(true);
      await walker.room.leave(true);
    },
  );
});
