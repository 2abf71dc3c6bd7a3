import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS } from './support.ts';
import { consultationRoom, staffAtCounter, takeNumber } from './pages/queueFlows.ts';
import { launchBrowser } from '../support/browser.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { freePort } from '../support/freePort.ts';
import { startFrontProxy } from '../../scripts/cluster/frontProxy.ts';

/**
 * What `npm run cluster` runs — Redis, PostgreSQL, two server processes behind one address — with two
 * real browsers in a consultation. The process running the consultation room is killed (kill -9): the
 * browser clients themselves (client/src/net) find their way back — the hall through the front address,
 * the consultation through the hall — and the two talk again.
 */
describe('a process dies under two browsers in a consultation (npm run cluster)', () => {
  let redis: TestRedis;
  let postgres: TestPostgres;
  const processes: ServerProcess[] = [];
  let front: Awaited<ReturnType<typeof startFrontProxy>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    redis = await startRedis();
    postgres = await startPostgres();
    const port = await freePort();
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.createDatabase('city_hall'),
      CLIENT_DIR: 'dist/e2e-client',
      OPENING_HOURS: 'always',
      TRUST_PROXY: 'on',
      // A hall room each: the two halls run on different processes, so one of them dies with the
      // consultation room, whichever process that is.
      HALL_MAX_CLIENTS: '1',
    };
    for (const name of ['p1', 'p2']) {
      processes.push(await startServerProcess({ ...env, PUBLIC_ADDRESS: `127.0.0.1:${port}/${name}` }));
    }
    front = await startFrontProxy({
      host: '127.0.0.1',
      port,
      backends: processes.map((p, i) => ({ prefix: `/p${i + 1}`, target: p.url })),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await front?.close();
    for (const p of processes) await p.stop('SIGKILL');
    postgres?.stop();
    redis?.stop();
  });

  it('both get back into the consultation and talk again', async () => {
    const { staff, consoleBox } = await staffAtCounter(browser, front.url);
    const res = await HallPage.open(browser, front.url, 'ja', '/?no3d');
    await res.enter('みどり', '緑');
    await res.waitForReady();
    const number = await takeNumber(res, '転入届');
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    const dialog = res.page.getByRole('alertdialog', { name: res.t('call.title', { number }) });
    await dialog.getByRole('button', { name: res.t('call.answer') }).click();
    const room = (p: HallPage) => consultationRoom(p, number);
    await room(res).waitFor();
    await room(staff).waitFor();

    // Which process runs the consultation room (the address a browser's socket goes to: /p1 or /p2).
    const addresses = (p: HallPage) =>
      p.page.evaluate(() => window.__cityHall!.addresses) as Promise<{ hall: string; consultation: string }>;
    const processOf = (address: string) => Number(/\/p(\d)\//.exec(address)?.[1]) - 1;
    const before = await addresses(res);
    const victim = processOf(before.consultation);
    expect([0, 1]).toContain(victim);
    const halls = [processOf(before.hall), processOf((await addresses(staff)).hall)];

    const killedAt = Date.now();
    await processes[victim]!.stop('SIGKILL');

    // Both are shown the consultation again (a room opened anew on the other process) within 10 s.
    for (const p of [res, staff]) {
      await p.page.getByRole('log').getByText(p.t('consult.resumed')).waitFor({ timeout: 10_000 });
      await room(p).waitFor({ timeout: 10_000 });
    }
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(10_000);
    for (const p of [res, staff]) {
      const now = await addresses(p);
      expect(processOf(now.consultation)).toBe(1 - victim);
      expect(processOf(now.hall)).toBe(1 - victim);
      await expect.poll(() => p.page.evaluate(() => window.__cityHall!.status)).toBe('connected');
    }
    expect(halls.sort()).toEqual([0, 1]);

    await res.page.getByLabel(res.t('consult.message')).fill('聞こえますか');
    await res.page.getByRole('button', { name: res.t('consult.send') }).click();
    await room(staff).getByRole('log').getByText('聞こえますか').waitFor();
    await staff.page.getByLabel(staff.t('consult.message')).fill('はい、続けましょう。');
    await staff.page.getByRole('button', { name: staff.t('consult.send') }).click();
    await room(res).getByRole('log').getByText('はい、続けましょう。').waitFor();
    await res.page.screenshot({ path: `${SHOTS}/process-died-resident-ja.png` });
    await staff.page.screenshot({ path: `${SHOTS}/process-died-staff-ja.png` });
    console.log(`both back in the consultation ${elapsed} ms after kill -9`);

    // Staff finishes on the survivor: the ticket is done in PostgreSQL for everyone.
    await consoleBox.getByRole('button', { name: staff.t('staff.done') }).click();
    await res.page.getByText(res.t('consult.endedReason.done')).waitFor();
    await res.close();
    await staff.close();
  });
});
