import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';

const rootFontPx = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const inkColor = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);

/**
 * Text size and contrast: chosen on the entry screen or from the hall's top bar (keyboard included),
 * remembered across visits, and taken from the system's contrast setting when nothing was chosen.
 */
describe('text size and high contrast', () => {
  const hall = useHallInBrowser();

  it('extra large text and high contrast from the entry screen stay chosen after a reload, in the hall too', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    const standard = await rootFontPx(p.page);
    expect(standard).toBe(17);
    const settings = p.page.getByRole('region', { name: p.t('display.heading') });
    await settings
      .getByRole('group', { name: p.t('display.textSize') })
      .getByRole('radio', { name: p.t('display.size.xlarge') })
      .check();
    await settings
      .getByRole('group', { name: p.t('display.contrast') })
      .getByRole('radio', { name: p.t('display.contrast.high') })
      .check();
    await expect.poll(() => rootFontPx(p.page)).toBeCloseTo(17 * 1.5, 0);
    expect(await inkColor(p.page)).toBe('rgb(0, 0, 0)');
    await p.page.screenshot({ path: `${SHOTS}/display-entry-xlarge-high-ja.png` });

    await p.page.reload();
    await p.page.getByLabel(p.t('entry.nickname'), { exact: true }).waitFor();
    expect(await rootFontPx(p.page)).toBeCloseTo(17 * 1.5, 0);
    expect(await inkColor(p.page)).toBe('rgb(0, 0, 0)');

    // In the hall the same settings are one menu away; the keyboard alone changes them back.
    await p.enter('おおきな字', '青');
    const menu = p.page.getByRole('banner').getByText(p.t('display.heading'));
    await menu.click();
    await p.page.screenshot({ path: `${SHOTS}/display-hall-menu-ja.png` });
    const large = p.page
      .getByRole('banner')
      .getByRole('radio', { name: p.t('display.size.large'), exact: true });
    await large.focus();
    await p.page.keyboard.press('Space');
    await expect.poll(() => rootFontPx(p.page)).toBeCloseTo(17 * 1.25, 0);
    await p.page
      .getByRole('banner')
      .getByRole('group', { name: p.t('display.contrast') })
      .getByRole('radio', { name: p.t('display.contrast.standard') })
      .check();
    await expect.poll(() => inkColor(p.page)).not.toBe('rgb(0, 0, 0)');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('a system that asks for more contrast gets it without choosing; a choice made here wins', async () => {
    const context = await hall.browser.newContext({ locale: 'en-US', contrast: 'more' });
    const page = await context.newPage();
    await page.goto(`${hall.server.url}/?no3d`);
    await page.locator('html[data-contrast="high"]').waitFor({ state: 'attached' });
    expect(await inkColor(page)).toBe('rgb(0, 0, 0)');
    await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Standard' }).check();
    await page.reload();
    await page.locator('html[data-contrast="standard"]').waitFor({ state: 'attached' });
    await context.close();
  });

  it('the light 3D view draws at a lower resolution, and stays chosen', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/');
    await p.enter('かるい', '青');
    await p.waitForScene();
    const sharpness = () =>
      p.page.evaluate(() => {
        const c = document.querySelector('canvas')!;
        return c.width / c.clientWidth;
      });
    expect(await sharpness()).toBeGreaterThan(0.7);
    const menu = p.page.getByRole('banner').getByText(p.t('display.heading'));
    await menu.click();
    await p.page
      .getByRole('banner')
      .getByRole('checkbox', { name: p.t('display.light') })
      .check();
    await expect.poll(sharpness, { timeout: 20_000 }).toBeLessThan(0.65);
    await p.page.reload();
    await p.waitForScene();
    await expect.poll(sharpness, { timeout: 20_000 }).toBeLessThan(0.65);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
