import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '../support/testServer.ts';
import { joinResident } from './sdkClients.ts';
import { settle } from '../support/waitFor.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-health-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const health = async (url: string) => {
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Record<string, unknown>;
};

describe('GET /api/health and persistence', () => {
  it('reports version, uptime, rooms and clients, and counts entries in SQLite across restarts', async () => {
    const first = await startTestServer({ DATA_DIR: dataDir });
    try {
      const idle = await health(first.url);
      expect(idle).toMatchObject({ status: 'ok', rooms: 0, clients: 0, entriesToday: 0 });
      expect(idle.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(typeof idle.uptimeSeconds).toBe('number');

      const a = await joinResident(first.endpoint, 'a');
      const b = await joinResident(first.endpoint, 'b');
      const busy = await health(first.url);
      expect(busy).toMatchObject({ rooms: 1, clients: 2 });
      // Entries are written after the join completes (not awaited by the room): poll briefly.
      let entries = 0;
      for (let i = 0; i < 50 && entries < 2; i++) {
        entries = Number((await health(first.url)).entriesToday);
        if (entries < 2) await settle(20);
      }
      expect(entries).toBe(2);
      await a.room.leave(true);
      await b.room.leave(true);
    } finally {
      await first.stop();
    }

    const second = await startTestServer({ DATA_DIR: dataDir });
    try {
      expect((await health(second.url)).entriesToday).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const s = await startTestServer();
    try {
      const res = await fetch(`${s.url}/api/nothing-here`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'notFound' });
    } finally {
      await s.stop();
    }
  });
});
