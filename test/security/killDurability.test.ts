import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { hallPass, joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';
import { newVisitorToken } from '../support/visitorToken.ts';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/**
 * kill -9 in the middle of residents booking and queueing: everything the server confirmed before
 * the kill (a booking code answered, a number handed out) is there after a restart, and the database
 * file is intact.
 */
describe('a server killed outright while people book and queue', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-kill-'));
  const env = {
    DATABASE_FILE: join(dataDir, 'db.sqlite'),
    OPENING_HOURS: 'always',
    LOG_LEVEL: 'error',
    RECONNECT_GRACE_S: '1',
  };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing it confirmed', async () => {
    server = await startServerProcess(env);
    const s = server;
    const staffCookie = await signIn(s.url, 'demo-staff');
    const staff = await joinHall(s.url, { nickname: 's', staffPass: await hallPass(s.url, staffCookie) });
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const slots: number[] = [];
    // Far more places than are booked before the kill: bookings are still going through when it comes.
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${s.url}/api/slots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: staffCookie },
        body: JSON.stringify({
          counterId: 'shimin',
          startsAt: inMinutes(60 + i * 30),
          minutes: 20,
          capacity: 50,
        }),
      });
      slots.push(((await res.json()) as { id: number }).id);
    }

    const bookings: string[] = [];
    const tickets: number[] = [];
    const residents: Participant[] = [];
    let killed = false;
    // 20 residents, each booking one slot after another and taking a number, until the kill.
    const work = Array.from({ length: 20 }, async (_, r) => {
      const p = await joinHall(s.url, { nickname: `住民${r}` });
      residents.push(p);
      p.room.onMessage('ticket', (t: { id: number } | null) => {
        if (t && !killed) tickets.push(t.id);
      });
      p.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
      for (let i = 0; !killed; i++) {
        const res = await fetch(`${s.url}/api/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            slotId: slots[i % slots.length],
            nickname: `住民${r}`,
            procedureId: null,
            visitorToken: await newVisitorToken(s.url).catch(() => ''),
          }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201 && !killed) bookings.push(((await res.json()) as { code: string }).code);
      }
    });
    // Once everyone holds a number and bookings are flowing, kill the process in the middle of it.
    await waitFor(() => new Set(tickets).size === 20 && bookings.length >= 50, 30_000, 'work under way');
    killed = true;
    await s.stop('SIGKILL');
    await Promise.allSettled(work);
    for (const p of [...residents, staff]) void p.room.leave().catch(() => {});
    expect(bookings.length).toBeLessThan(1000);

    // The file is intact, and holds everything that was confirmed.
    const db = new SQLite(env.DATABASE_FILE);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const codes = new Set(
        (db.prepare('select code from bookings').all() as { code: string }[]).map((b) => b.code),
      );
      expect(bookings.filter((c) => !codes.has(c))).toEqual([]);
      const ids = new Set(
        (db.prepare('select id from queue_tickets').all() as { id: number }[]).map((t) => t.id),
      );
      expect([...new Set(tickets)].filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      db.close();
    }
    // And the server starts again on it and answers for a booking made before the kill.
    server = await startServerProcess(env);
    const again = await fetch(`${server.url}/api/bookings/${encodeURIComponent(bookings[0]!)}`);
    expect(again.status).toBe(200);
    console.log(
      `confirmed before kill -9: ${bookings.length} bookings, ${new Set(tickets).size} numbers — all kept`,
    );
  });
});
