import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { translate } from '../../client/src/i18n/translate.ts';

describe('entry form, 2D view and keyboard-only use', () => {
  const hall = useHallInBrowser();

  it('refuses bad nicknames inline, in the chosen language, without leaving the form', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    const submit = p.page.getByRole('button', { name: p.t('entry.enter') });
    await submit.click();
    await p.page.getByRole('alert').getByText(p.t('nickname.empty')).waitFor();
    await p.page.getByLabel(p.t('entry.nickname'), { exact: true }).fill('あ'.repeat(21));
    await submit.click();
    await p.page
      .getByRole('alert')
      .getByText(p.t('nickname.tooLong', { max: 20 }))
      .waitFor();
    await p.page.getByLabel(p.t('entry.nickname'), { exact: true }).fill('bad\u0007name');
    await submit.click();
    await p.page.getByRole('alert').getByText(p.t('nickname.controlChars')).waitFor();
    expect(await p.page.evaluate(() => window.__cityHall?.status)).toBe('idle');

    // Switching language re-labels the page, including the error.
    await p.page.getByLabel(p.t('entry.language'), { exact: true }).selectOption('en');
    await p.page.getByRole('alert').getByText(translate('en', 'nickname.controlChars')).waitFor();
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await p.close();
  });

  it('without WebGL the hall opens in the 2D view, and the keyboard alone walks to a counter', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    // Keyboard only from here.
    await p.enterWithKeyboard('けんじ');

    await p.page.getByText(p.t('hud.webglUnavailable')).waitFor();
    expect(await p.page.locator('canvas').count()).toBe(0);
    expect(await p.page.getByRole('button', { name: p.t('hud.switchTo3d') }).count()).toBe(0);
    await p.page.getByRole('img', { name: p.t('plan.label') }).waitFor();
    await p.page.getByText(p.t('hall.youAreIn', { area: 'ロビー' })).waitFor();

    const counter = hallFromFile().layout.counters.find((c) => c.id === 'kosodate')!;
    const label = p.t('hall.counterName', { number: counter.number, name: counter.name.ja });
    await tabTo(p.page, p.t('hall.goTo', { name: label }));
    await p.page.keyboard.press('Enter');
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.walkingTo', { name: label }))
      .waitFor();
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.arrived', { name: label }))
      .waitFor({ timeout: 30_000 });
    await p.page.getByText(p.t('hall.youAreIn', { area: '窓口エリアB（6〜10番）' })).waitFor();
    const pos = await p.page.evaluate(() => window.__cityHall!.position);
    expect(Math.hypot(pos.x - counter.serviceSpot[0], pos.z - counter.serviceSpot[1])).toBeLessThan(0.6);
    await p.page.screenshot({ path: `${SHOTS}/keyboard-2d-ja.png`, fullPage: true });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('the view toggle switches between 3D and 2D and both list the same hall', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'en');
    await p.enter('Mia', 'Teal');
    await p.waitForScene();
    const directory = p.page.getByRole('region', { name: p.t('hall.heading') });
    expect(await directory.getByRole('button', { name: /^Go here: Counter \d/ }).count()).toBe(10);
    await p.switchTo2d();
    await p.page.getByRole('img', { name: p.t('plan.label') }).waitFor();
    expect(await p.page.locator('canvas').count()).toBe(0);
    expect(await directory.getByRole('button', { name: /^Go here: Counter \d/ }).count()).toBe(10);
    await p.page.getByRole('button', { name: p.t('hud.switchTo3d') }).click();
    await p.page.locator('canvas').waitFor();
    await p.close();
  });

  it('skip links: the side panel and the view switch are a few keys from the hall', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enter('キー', '青');
    await p.waitForScene();
    const focusedId = () => p.page.evaluate(() => document.activeElement?.id ?? '');
    // Entering lands in the hall itself (the arrow keys walk at once).
    expect(await focusedId()).toBe('main');
    // From the hall, Shift+Tab reaches the view switch within a few presses…
    await tabTo(p.page, p.t('hud.switchTo2d'), 5, true);
    expect(await focusedId()).toBe('view-switch');
    // …and the skip links before the top bar, which move focus where they say.
    await tabTo(p.page, p.t('app.skipToSide'), 8, true);
    await p.page.keyboard.press('Enter');
    expect(await focusedId()).toBe('side');
    await p.page.getByRole('region', { name: p.t('people.heading') }).waitFor();
    await tabTo(p.page, p.t('app.skipToViewSwitch'), 40, true);
    await p.page.keyboard.press('Enter');
    expect(await focusedId()).toBe('view-switch');
    await p.page.keyboard.press('Enter');
    await p.page.getByRole('img', { name: p.t('plan.label') }).waitFor();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('a dropped connection shows "reconnecting" and rejoins into the same avatar', async () => {
    const watcher = await HallPage.open(hall.browser, hall.server.url, 'en');
    await watcher.enter('Watcher', 'Blue');
    const p = await HallPage.open(hall.browser, hall.server.url, 'en');
    await p.enter('Dropper', 'Purple');
    await watcher.waitForPerson('Dropper');
    const before = await p.page.evaluate(() => window.__cityHall!.sessionId);

    await p.page.evaluate(() => window.__cityHall!.dropConnection());
    const status = p.page.getByRole('status');
    await status.getByText(p.t('connection.reconnecting')).waitFor({ timeout: 5_000 });
    await status.getByText(p.t('connection.connected')).waitFor({ timeout: 30_000 });
    expect(await p.page.evaluate(() => window.__cityHall!.sessionId)).toBe(before);
    // Others keep seeing the same person, not a duplicate.
    await watcher.waitForPerson('Dropper');
    expect(await watcher.peoplePanel().getByText('Dropper', { exact: true }).count()).toBe(1);
    await p.close();
    await watcher.close();
  });
});
