import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { useHallInBrowser } from './support.ts';
import { staffAtCounter, takeNumber } from './pages/queueFlows.ts';
import { joinHall } from '../integration/staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import type { BoardShown } from '../../client/src/app/testHook.ts';

const SCREENS = 'test-results/screens';
const COUNTER_1_EN = 'Counter 1: Citizens Affairs Division';

/** What counter 1's board in the 3D hall shows now (null before the scene has drawn it). */
const boardOf = (p: HallPage) =>
  p.page.evaluate(() => (window.__cityHall?.boards.shimin ?? null) as BoardShown | null);

async function boardShows(p: HallPage, calling: number[], waiting: number): Promise<void> {
  await p.page.waitForFunction(
    ([c, w]) => {
      const b = window.__cityHall?.boards.shimin;
      return b !== undefined && b.calling.join(',') === c && b.waiting === w;
    },
    [calling.join(','), waiting] as const,
    { timeout: 15_000 },
  );
}

/**
 * The called-number board: a resident in the 3D hall sees it above counter 1, one in the 2D view reads the
 * same in words; two hall rooms (two people per room). Only the resident whose number it is hears the call.
 */
describe('number boards above the counters', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always', HALL_MAX_CLIENTS: '2' });

  it('a called number appears on the counter board for every resident, in 3D and in 2D', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const { staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url);
    const mido = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await mido.enter('みどり', '緑');
    await mido.waitForScene();
    const ben = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await ben.enter('Ben', 'Orange');
    await boardShows(mido, [], 0);

    // Ben takes his number first, so he is called first; Midori watches the board from the 3D hall.
    const benNumber = await takeNumber(ben, 'Moving-in notification', COUNTER_1_EN);
    const midoNumber = await takeNumber(mido, '転入届');
    await boardShows(mido, [], 2);
    const directory = ben.page.getByRole('region', { name: ben.t('hall.heading') });
    const benLine = directory.locator('.counter-status').first();
    await expect.poll(() => benLine.textContent()).toContain(ben.t('counter.waiting', { count: 2 }));
    expect(await benLine.textContent()).not.toContain(ben.t('counter.calling', { numbers: '' }).trim());

    // Hostile: a resident's own client sends a forged call and a made-up board message. Both are refused,
    // and no board anywhere changes.
    const forger = await joinHall(hall.server.endpoint, { nickname: 'にせ' });
    forger.room.send(ClientMessage.callNext, {});
    expect(await forger.refusal(ClientMessage.callNext)).toBe('forbidden');
    forger.room.send('calling', { counterId: 'shimin', calling: '999' });
    expect(await forger.refusal('calling')).toBe('unknownMessage');
    // Refused before any state changed; the call below then shows exactly Ben's number, never 999.
    expect(await boardOf(mido)).toMatchObject({ calling: [], waiting: 2 });
    expect(await benLine.textContent()).not.toContain('999');
    await forger.room.leave();

    // Midori walks up to counter 1 to watch; the staff member calls the next number: Ben's.
    await mido.page.evaluate(() => window.__cityHall?.walkTo(-23.5, -10.5));
    await mido.page.waitForFunction(() => window.__cityHall?.walking === false, undefined, {
      timeout: 30_000,
    });
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await boardShows(mido, [benNumber], 1);
    // The new number blinks on the board a few seconds, then stays lit.
    await mido.page.waitForFunction(() => window.__cityHall?.boards.shimin?.blinking === true, undefined, {
      timeout: 5_000,
    });
    await mido.page.screenshot({ path: `${SCREENS}/number-board-blinking-3d-ja.png` });
    await mido.page.waitForFunction(() => window.__cityHall?.boards.shimin?.blinking === false, undefined, {
      timeout: 10_000,
    });
    await mido.page.screenshot({ path: `${SCREENS}/number-board-counter-3d-ja.png` });
    // Ben reads the same in words, in his language, and is the only one told it is his turn.
    await expect
      .poll(() => benLine.textContent())
      .toContain(ben.t('counter.calling', { numbers: String(benNumber) }));
    expect(await benLine.textContent()).toContain(ben.t('counter.waiting', { count: 1 }));
    await ben.page.getByRole('alertdialog', { name: ben.t('call.title', { number: benNumber }) }).waitFor();
    const midoLog = mido.page.getByRole('log');
    expect(await midoLog.getByText(mido.t('call.title', { number: benNumber })).count()).toBe(0);

    // Ben does not come: a no-show leaves the board. Then Midori's number is called, and blinks for her too.
    await consoleBox.getByRole('button', { name: staff.t('staff.noShow') }).click();
    await boardShows(mido, [], 1);
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await boardShows(mido, [midoNumber], 0);
    await mido.page
      .getByRole('alertdialog', { name: mido.t('call.title', { number: midoNumber }) })
      .waitFor();
    await midoLog.getByText(mido.t('call.title', { number: midoNumber })).waitFor();
    await expect
      .poll(() => benLine.textContent())
      .toContain(ben.t('counter.calling', { numbers: String(midoNumber) }));
    await ben.page.screenshot({ path: `${SCREENS}/number-board-2d-en.png`, fullPage: true });
    await mido.page.screenshot({ path: `${SCREENS}/number-board-own-call-3d-ja.png` });
    await consoleBox.getByRole('button', { name: staff.t('staff.noShow') }).click();
    await boardShows(mido, [], 0);
    await expect
      .poll(() => benLine.textContent())
      .not.toContain(ben.t('counter.calling', { numbers: '' }).trim());

    expect(mido.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
    for (const p of [mido, ben, staff]) await p.close();
  });
});
