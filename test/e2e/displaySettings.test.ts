import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { SLOW_FPS, SLOW_SECONDS } from '../../client/src/scene/qualityTiers.ts';

const rootFontPx = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
/** Canvas pixels per CSS pixel: 0.6 in the light view, 0.75 or 1.25 otherwise. */
const sharpness = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    return c.width / c.clientWidth;
  });
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
    expect(await sharpness(p.page)).toBeGreaterThan(0.7);
    const menu = p.page.getByRole('banner').getByText(p.t('display.heading'));
    await menu.click();
    await p.page
      .getByRole('banner')
      .getByRole('checkbox', { name: p.t('display.light') })
      .check();
    await expect.poll(() => sharpness(p.page), { timeout: 20_000 }).toBeLessThan(0.65);
    await p.page.reload();
    await p.waitForScene();
    await expect.poll(() => sharpness(p.page), { timeout: 20_000 }).toBeLessThan(0.65);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('on a device too slow for the full view the hall switches to light by itself, says so, and a choice wins', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/', { automaticQuality: true });
    await p.enter('おそい', '青');
    await p.waitForScene();
    expect(await sharpness(p.page)).toBeGreaterThan(0.7);
    // The slow device: the page's CPU throttled (as DevTools does) until the hall has decided, while the
    // resident walks (a hall where nothing moves draws nothing, so it has nothing to be slow at).
    const scene = p.page.getByRole('application', { name: p.t('scene.label') });
    await scene.focus();
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 40 });
    await p.page.keyboard.down('ArrowUp');
    const notice = p.page.getByRole('log').getByText(p.t('display.lightAuto'));
    await notice.waitFor({ timeout: 90_000 });
    await p.page.keyboard.up('ArrowUp');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => sharpness(p.page), { timeout: 20_000 }).toBeLessThan(0.65);
    await p.page.getByRole('banner').getByText(p.t('display.heading'), { exact: true }).click();
    const box = p.page.getByRole('banner').getByRole('checkbox', { name: p.t('display.light') });
    expect(await box.isChecked()).toBe(true);
    // The settings say why it is on, where the switch is.
    expect(await p.page.getByRole('banner').getByText(p.t('display.lightAuto')).count()).toBe(1);
    await p.page.screenshot({ path: `${SHOTS}/display-light-automatic-ja.png` });

    // Remembered on this device.
    await p.page.reload();
    await p.waitForScene();
    await expect.poll(() => sharpness(p.page), { timeout: 20_000 }).toBeLessThan(0.65);

    // The resident wants the full view back: it stays, even on the slow device.
    await p.page.getByRole('banner').getByText(p.t('display.heading'), { exact: true }).click();
    await box.uncheck();
    await expect.poll(() => sharpness(p.page), { timeout: 20_000 }).toBeGreaterThan(0.7);
    await scene.focus();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 40 });
    await p.page.keyboard.down('ArrowDown');
    // Long enough for the hall to have switched again (resolution lowered, then SLOW_SECONDS slow ones):
    // slow seconds in a row as the page counts its own frames, each one with frames drawn in it.
    let slowSeconds = 0;
    let drawn = 0;
    await expect
      .poll(
        async () => {
          const now = await p.page.evaluate(() => ({
            fps: window.__cityHall!.fps,
            frames: window.__cityHall!.framesDrawn,
          }));
          slowSeconds = now.fps < SLOW_FPS && now.frames > drawn ? slowSeconds + 1 : 0;
          drawn = now.frames;
          return slowSeconds;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(SLOW_SECONDS + 8);
    await p.page.keyboard.up('ArrowDown');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await box.isChecked()).toBe(false);
    expect(await sharpness(p.page)).toBeGreaterThan(0.7);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
