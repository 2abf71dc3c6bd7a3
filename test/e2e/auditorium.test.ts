import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { startLiveBriefing } from '../support/liveBriefing.ts';

const TITLE = '防災講座';

describe('the auditorium: the sign, walking in, joining and sitting down', () => {
  const hall = useHallInBrowser();

  it('a resident walks in, joins the live briefing from the prompt and is seen sitting by another', async () => {
    await startLiveBriefing(
      hall.server.url,
      { ja: TITLE, en: 'Disaster class' },
      { ja: '備蓄と避難', en: 'Supplies and shelters' },
    );

    const watcher = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await watcher.enter('みる', '緑');
    // From the lobby, the sign over the auditorium entrance says what is on.
    await watcher.waitForScene();
    await watcher.page.screenshot({ path: `${SHOTS}/auditorium-sign-ja.png` });
    const sitter = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await sitter.enter('すわる', 'オレンジ');
    for (const p of [watcher, sitter]) {
      await p.page.getByRole('button', { name: p.t('hall.goTo', { name: '講堂' }) }).click();
    }

    // Inside, the prompt offers the live briefing; joining walks the avatar to its seat and sits it down.
    const prompt = sitter.page.getByRole('region', { name: sitter.t('events.auditorium') });
    await prompt.getByText(sitter.t('events.inAuditorium', { title: TITLE })).waitFor({ timeout: 20_000 });
    await prompt.getByRole('button', { name: sitter.t('events.join', { title: TITLE }) }).click();
    await sitter.page
      .getByRole('region', { name: TITLE })
      .getByText(/講堂の座席 [A-Z]+列\d+番に座っています/)
      .waitFor();
    const row = watcher.peoplePanel().getByRole('listitem').filter({ hasText: 'すわる' });
    await row.getByText(watcher.t('people.seated'), { exact: false }).waitFor({ timeout: 20_000 });
    await watcher.page.screenshot({ path: `${SHOTS}/auditorium-seated-ja.png` });

    // Leaving the briefing stands the avatar up again, and keyboard focus goes to the list of briefings.
    await sitter.page.getByRole('button', { name: sitter.t('briefing.leave') }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).not.toContain(watcher.t('people.seated'));
    await expect.poll(() => sitter.page.evaluate(() => document.activeElement?.id)).toBe('events-heading');
    // The 2D plan draws no seats: the prompt walks the avatar to the nearest free one from the keyboard.
    const walk = prompt.getByRole('button', { name: sitter.t('hall.walkToFreeSeat') });
    await walk.focus();
    await sitter.page.keyboard.press('Enter');
    await row.getByText(watcher.t('people.seated'), { exact: false }).waitFor({ timeout: 20_000 });
    // The notice names the seat as signed on its back (row letter and number), not the plan's id.
    await sitter.page
      .locator('.notice-line')
      .getByText(/^[A-Z]+列\d+番の席に座りました。$/)
      .waitFor();
    expect([...watcher.errors, ...sitter.errors]).toEqual([]);
    await sitter.close();
    await watcher.close();
  });
});
