import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { joinHall, type Participant } from '../integration/staffQueue.ts';
import { HALL_ROOM } from '../../shared/constants.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * Found by bench:fuzz: when the city hall is full, a join makes Colyseus try a new room that refuses
 * to open; that room's cleanup failed and left its patch timer running, which then threw and ended the
 * whole process. Anyone could fill the hall and bring it down with one more join.
 */
describe('one more join when the city hall is full', () => {
  let server: ServerProcess;
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-full-'));
  const inside: Participant[] = [];
  beforeAll(async () => {
    server = await startServerProcess({
      DATABASE_FILE: join(dataDir, 'db.sqlite'),
      HALL_MAX_ROOMS: '1',
      HALL_MAX_CLIENTS: '2',
      LOG_LEVEL: 'error',
    });
  });
  afterAll(async () => {
    for (const p of inside) await p.room.leave().catch(() => {});
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused as hall full, again and again, and the server stays up', async () => {
    const stays = await joinHall(server.url, { nickname: 'いる' });
    let comes = await joinHall(server.url, { nickname: 'くる' });
    inside.push(stays);
    await waitFor(() => stays.room.state.population === 2, 5000, 'the hall full');
    for (let i = 0; i < 5; i++) {
      await expect(
        new Client(server.url).joinOrCreate(HALL_ROOM, {
          nickname: `もう${i}`,
          color: '#1971c2',
          lang: 'ja',
        }),
      ).rejects.toThrow(/hallFull/);
    }
    // The leaked timer would fire at the next patch interval. Wait for the hall to patch its state
    // several times over (someone leaving and coming back, seen by the one who stays), then check.
    for (let i = 0; i < 3; i++) {
      await comes.room.leave();
      await waitFor(() => stays.room.state.population === 1, 5000, 'one left');
      comes = await joinHall(server.url, { nickname: 'くる' });
      await waitFor(() => stays.room.state.population === 2, 5000, 'back again');
    }
    inside.push(comes);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(inside[0]!.room.connection.isOpen).toBe(true);
  });
});
