import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { joinResident, walkAlong, type Resident, WIRE_STEP_M } from './sdkClients.ts';

describe('HallRoom with real SDK clients', () => {
  let server: TestServer;
  const open: Resident[] = [];
  const join = async (name: string) => {
    const r = await joinResident(server.endpoint, name);
    open.push(r);
    return r;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.room.leave(true).catch(() => {})));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('two residents join and each sees the other; a move reaches the other side', async () => {
    const aiko = await join('あいこ');
    const ben = await join('Ben');
    await waitFor(() => aiko.sees('Ben') && ben.sees('あいこ'), 3000, 'mutual visibility');
    expect(aiko.room.state.population).toBe(2);
    await waitFor(() => aiko.room.state.areaCounts.get('lobby') === 2, 3000, 'lobby count');

    const start = aiko.self();
    aiko.room.send('move', { x: start.x + 0.3, z: start.z, ry: 0 });
    await waitFor(
      () => Math.abs((ben.avatarOf('あいこ')?.x ?? NaN) - (start.x + 0.3)) < WIRE_STEP_M,
      3000,
      'the move on the other side',
    );
    expect(aiko.corrections).toEqual([]);
  });

  it(
    'corrects out-of-bounds, too-fast and through-wall moves, and nobody else sees them',
    { timeout: 30_000 },
    async () => {
      const cheat = await join('cheat');
      const witness = await join('witness');
      await waitFor(() => witness.sees('cheat'), 3000);
      const start = cheat.self();

      cheat.room.send('move', { x: 500, z: start.z, ry: 0 });
      await waitFor(() => cheat.corrections.length === 1, 3000, 'correction 1');
      // State positions are float32 on the wire; the correction carries the server's full-precision value.
      expect(cheat.corrections[0]!.reason).toBe('outOfBounds');
      expect(cheat.corrections[0]!.x).toBeCloseTo(start.x, 4);
      expect(cheat.corrections[0]!.z).toBeCloseTo(start.z, 4);

      // The lobby is open floor from x=-8 to 8 at this depth: 8 m in one message is a teleport.
      cheat.room.send('move', { x: start.x > 0 ? start.x - 8 : start.x + 8, z: start.z, ry: 0 });
      await waitFor(() => cheat.corrections.length === 2, 3000, 'correction 2');
      expect(cheat.corrections[1]!.reason).toBe('tooFast');

      await settle(300);
      const seen = witness.avatarOf('cheat')!;
      expect([seen.x, seen.z]).toEqual([start.x, start.z]);
      expect(cheat.self()).toMatchObject({ x: start.x, z: start.z });

      // Walk up to the glass wall in front of the auditorium (z = 0), then try to step through it:
      // 1.6 m is within the distance budget, so only the wall can refuse it.
      await walkAlong(cheat, { x: 0, z: 0.8 });
      await settle(600);
      const atWall = cheat.self();
      cheat.room.send('move', { x: 0, z: -0.8, ry: 0 });
      await waitFor(() => cheat.corrections.length === 3, 3000, 'correction 3');
      expect(cheat.corrections[2]!.reason).toBe('throughWall');
      await settle(200);
      expect(Math.abs((witness.avatarOf('cheat')?.z ?? NaN) - atWall.z)).toBeLessThan(WIRE_STEP_M);
    },
  );

  it('answers malformed and unknown messages with a clear error, changes nothing and keeps serving', async () => {
    const r = await join('tester');
    const other = await join('other');
    const start = r.self();
    const bad: unknown[] = [
      { x: 'east', z: 1, ry: 0 },
      { x: 1 },
      { x: null, z: null, ry: null },
      { x: start.x, z: start.z, ry: 0, role: 'staff' },
      { x: 1e9, z: 0, ry: 0 },
      'x'.repeat(2000),
    ];
    for (const payload of bad) r.room.send('move', payload);
    r.room.send('becomeStaff', { please: true });
    await waitFor(() => r.errors.length === bad.length + 1, 3000, 'one error per bad message');
    expect(r.errors.slice(0, bad.length).every((e) => e.code === 'invalidMessage' && e.type === 'move')).toBe(
      true,
    );
    expect(r.errors[0]!.detail).toMatch(/^x: /);
    expect(r.errors.at(-1)).toMatchObject({ code: 'unknownMessage', type: 'becomeStaff' });
    // Still connected and served: a valid move works (it would be a refused teleport had any of the bad
    // ones moved the avatar), and another client sees it exactly there.
    r.room.send('move', { x: start.x, z: start.z - 0.3, ry: 0 });
    await waitFor(
      () => Math.abs((other.avatarOf('tester')?.z ?? NaN) - (start.z - 0.3)) < WIRE_STEP_M,
      3000,
      'valid move after errors',
    );
    expect(Math.abs((other.avatarOf('tester')?.x ?? NaN) - start.x)).toBeLessThan(WIRE_STEP_M);
    expect(r.corrections).toEqual([]);
    expect(r.room.connection.isOpen).toBe(true);
  });

  it('refuses to join with an invalid nickname, saying why', async () => {
    for (const nickname of ['', '   ', 'あ'.repeat(21), 'bell\u0007', 'line\nbreak']) {
      const attempt = new Client(server.endpoint).joinOrCreate('hall', {
        nickname,
        color: '#1971c2',
        lang: 'ja',
      });
      await expect(attempt).rejects.toThrow(/invalidOptions: nickname: (empty|tooLong|controlChars)/);
    }
    const wrongColour = new Client(server.endpoint).joinOrCreate('hall', {
      nickname: 'ok',
      color: 'red',
      lang: 'ja',
    });
    await expect(wrongColour).rejects.toThrow(/invalidOptions: color/);
  });

  it('the role is decided by the server, not by join options', async () => {
    const room = await new Client(server.endpoint).joinOrCreate('hall', {
      nickname: 'Mallory',
      color: '#1971c2',
      lang: 'en',
      role: 'staff',
    } as never);
    await waitFor(() => room.state.avatars?.get(room.sessionId), 3000);
    expect(room.state.avatars.get(room.sessionId).role).toBe('resident');
    await room.leave(true);
  });
});
