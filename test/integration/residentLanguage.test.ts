import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { settle, waitFor } from '../support/waitFor.ts';

/** Staff see the language each resident uses the hall in, next to the number, and still after a restart. */
describe("the resident's language on the staff queue", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-lang-'));
  const env = { OPENING_HOURS: 'always', LOG_LEVEL: 'error', DATA_DIR: dataDir };
  let server: TestServer;
  const open: Participant[] = [];
  afterAll(async () => {
    await Promise.all(open.map((p) => Promise.race([p.room.leave().catch(() => {}), settle(500)])));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const staffAtCounter = async () => {
    const staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, await signIn(server.url, 'demo-staff')),
    });
    open.push(staff);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    return staff;
  };

  it('an English-speaking and a Japanese-speaking resident, one after the other', async () => {
    server = await startTestServer(env);
    const staff = await staffAtCounter();
    const ben = await joinHall(server.endpoint, { nickname: 'Ben', lang: 'en' });
    const aki = await joinHall(server.endpoint, { nickname: 'あき', lang: 'ja' });
    open.push(ben, aki);
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => ben.ticket(), 5000, 'Ben has a number');
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => staff.queue()?.entries.length === 2, 5000, 'two in the queue');
    expect(staff.queue()!.entries.map((e) => [e.number, e.lang])).toEqual([
      [ben.ticket()!.number, 'en'],
      [aki.ticket()!.number, 'ja'],
    ]);
    // Still no names in the staff queue.
    expect(JSON.stringify(staff.queue())).not.toMatch(/Ben|あき/);

    await server.stop();
    server = await startTestServer(env);
    const again = await staffAtCounter();
    await waitFor(() => again.queue()?.entries.length === 2, 5000, 'the queue after a restart');
    expect(again.queue()!.entries.map((e) => e.lang)).toEqual(['en', 'ja']);
  });
});
