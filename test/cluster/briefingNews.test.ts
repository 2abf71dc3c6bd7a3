import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { testDatabase } from '../support/testDatabase.ts';
import { waitFor } from '../support/waitFor.ts';
import { joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import type { TestServer } from '../support/testServer.ts';
import { BriefingProtocol, type EventView } from '../../shared/protocol/index.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const deck = (tag: string) => ({
  pages: [{ type: 'image/png', data: Buffer.concat([PNG, Buffer.from(tag)]).toString('base64'), text: tag }],
});
const portOf = (room: { connection: unknown }) =>
  (room.connection as { transport: { ws: { url: string } } }).transport.ws.url.match(/:(\d+)\//)?.[1];

/**
 * A host's requests land on one process; hall rooms and the briefing room run on either. The start, a
 * new deck and the end must reach them all, not only the rooms of the process that took the request.
 */
describe('a briefing started, given a deck and ended through one process, heard on both', () => {
  let redis: TestRedis;
  const processes: ServerProcess[] = [];
  const hall: Participant[] = [];
  const endpoint = { url: '', endpoint: '' };
  const clients = briefingClients(() => endpoint as unknown as TestServer);

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: await testDatabase('', 'briefing-news'),
      REDIS_URL: redis.url,
      // One person per hall room: the two residents land in rooms of both processes.
      HALL_MAX_CLIENTS: '1',
    };
    // One after the other: the first migrates and seeds the shared database.
    for (let i = 0; i < 2; i++) processes.push(await startServerProcess(env));
  });
  afterAll(async () => {
    await clients.leaveAll();
    for (const p of hall) await p.room.leave().catch(() => {});
    for (const p of processes) await p.stop();
    redis?.stop();
  });

  it('hall rooms on both processes hear the start and the end; the other process serves the deck and the end', async () => {
    const first = processes[0]!;
    hall.push(await joinHall(first.url, { nickname: 'あき' }));
    // The matchmaker opens the next room on the process with fewer: once it has counted the first one.
    const counts = new Redis(redis.url);
    try {
      await waitFor(
        async () => {
          const rooms = Object.values(await counts.hgetall('roomcount')).map((v) => v.split(',')[0]);
          return rooms.sort().join() === '0,1';
        },
        5000,
        'the first hall room counted',
      );
    } finally {
      counts.disconnect();
    }
    hall.push(await joinHall(first.url, { nickname: 'ベン' }));
    expect(new Set(hall.map((p) => portOf(p.room))).size).toBe(2);
    const host = await signIn(first.url, 'demo-host');
    Object.assign(endpoint, { url: first.url, endpoint: first.url });
    const told = (id: number, status: EventView['status']) =>
      waitFor(
        () => hall.every((p) => p.briefings.some((e) => e.id === id && e.status === status)),
        2000,
        `both processes' hall rooms told that briefing ${id} is ${status}`,
      );

    const event = await clients.liveEvent(host);
    await told(event.id, 'live');
    const attendee = await clients.join(event.id, 'あき');
    // Every later request goes to the process that does not run the briefing room.
    const other = processes.find((p) => new URL(p.url).port !== portOf(attendee))!;
    Object.assign(endpoint, { url: other.url, endpoint: other.url });

    const version = attendee.state.deckVersion;
    expect((await clients.put(`/api/events/${event.id}/slides`, deck('new'), host)).status).toBe(200);
    await waitFor(() => attendee.state.deckVersion === version + 1, 2000, 'the new deck in the briefing');

    const closed = new Promise<number>((resolve) => attendee.onLeave((code) => resolve(code)));
    expect((await clients.post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    expect(await closed).toBe(BriefingProtocol.close.ended);
    await told(event.id, 'ended');
  });
});
