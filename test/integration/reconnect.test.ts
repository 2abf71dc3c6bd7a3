import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { dropSocket } from '../support/dropSocket.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinResident, WIRE_STEP_M } from './sdkClients.ts';

describe('reconnection', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A short grace time so the expiry case runs quickly; reconnection itself takes well under it.
    server = await startTestServer({ RECONNECT_GRACE_S: '3' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it(
    'a dropped client comes back into the same avatar; others see it away meanwhile',
    { timeout: 20_000 },
    async () => {
      const watcher = await joinResident(server.endpoint, 'watcher');
      const flaky = await joinResident(server.endpoint, 'flaky');
      flaky.room.reconnection.minUptime = 0;
      await waitFor(() => watcher.sees('flaky'), 3000);
      const before = { id: flaky.room.sessionId, ...flaky.self() };
      let reconnected = false;
      flaky.room.onReconnect(() => (reconnected = true));

      dropSocket(flaky.room);
      await waitFor(() => watcher.avatarOf('flaky')?.away === true, 3000, 'away flag');
      await waitFor(() => reconnected, 10_000, 'SDK reconnect');
      await waitFor(() => watcher.avatarOf('flaky')?.away === false, 3000, 'back flag');
      expect(flaky.room.sessionId).toBe(before.id);
      expect(flaky.self()).toMatchObject({ nickname: 'flaky', x: before.x, z: before.z });
      expect([...watcher.room.state.avatars.values()].filter((a) => a.nickname === 'flaky')).toHaveLength(1);

      // And it is fully served again.
      flaky.room.send('move', { x: before.x + 0.2, z: before.z, ry: 0 });
      await waitFor(
        () => Math.abs((watcher.avatarOf('flaky')?.x ?? NaN) - (before.x + 0.2)) < WIRE_STEP_M,
        3000,
        'move after reconnect',
      );
      await flaky.room.leave(true);
      await watcher.room.leave(true);
    },
  );

  it('a client gone longer than the grace time disappears for everyone', { timeout: 20_000 }, async () => {
    const watcher = await joinResident(server.endpoint, 'watcher2');
    const gone = await joinResident(server.endpoint, 'gone');
    gone.room.reconnection.enabled = false;
    await waitFor(() => watcher.sees('gone'), 3000);
    dropSocket(gone.room);
    await waitFor(() => watcher.avatarOf('gone')?.away === true, 3000, 'away flag');
    await waitFor(() => !watcher.sees('gone'), 8000, 'removal after the grace time');
    expect(watcher.room.state.population).toBe(1);
    await watcher.room.leave(true);
  });
});
