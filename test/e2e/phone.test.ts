import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseFullView, SHOTS, useHallInBrowser } from './support.ts';
import { COUNTER_1, consultationRoom, staffAtCounter } from './pages/queueFlows.ts';
import { translate } from '../../client/src/i18n/translate.ts';
import type { MessageKey } from '../../client/src/i18n/ja.ts';
import { startLiveBriefing } from '../support/liveBriefing.ts';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('ja', key, params);
const PHONE = { width: 360, height: 640 };

/** Nothing wider than the screen: not the page, and not any scrolling area inside it. */
const noSideways = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollWidth <= window.innerWidth &&
      [...document.querySelectorAll<HTMLElement>('main, aside')].every(
        (e) => e.scrollWidth <= e.clientWidth + 1,
      ),
  );
const heightOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.height;

/**
 * A 360 × 640 phone with touch only (taps, drags, pinches): the header folds into a menu, the side panel is a sheet that
 * can be pulled up, nothing scrolls sideways, and a resident enters, finds a procedure, takes a number,
 * answers the call and consults — staff at a desktop calling.
 */
describe('on a phone, by touch', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });
  const onPhone = async (path: string) => {
    const context = await hall.browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      locale: 'ja-JP',
    });
    await chooseFullView(context);
    const page = await context.newPage();
    await page.goto(`${hall.server.url}${path}`);
    return { context, page };
  };

  it('enter, find a procedure, take a number, answer the call and consult', async () => {
    const { staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url);
    const { context, page } = await onPhone('/?no3d');
    await page.getByLabel(t('entry.nickname'), { exact: true }).tap();
    await page.keyboard.type('スマホ');
    await page.getByRole('button', { name: t('entry.enter') }).tap();
    await page.waitForFunction(() => window.__cityHall?.ready === true);

    // The header is one line with a menu; nothing is wider than the screen.
    expect(await heightOf(page, '.top-bar')).toBeLessThanOrEqual(PHONE.height * 0.2);
    expect(await noSideways(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/phone-hall-ja.png` });
    const menu = page.getByRole('button', { name: t('hud.menu') });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: t('hud.leave') }).isVisible()).toBe(false);
    await menu.tap();
    await page.getByRole('button', { name: t('hud.leave') }).waitFor();
    await page.screenshot({ path: `${SHOTS}/phone-menu-ja.png` });
    await menu.tap();

    // Find a procedure from the floor plan's search; its guide opens in the sheet.
    await page.getByRole('searchbox', { name: t('search.label') }).tap();
    await page.keyboard.type('転入');
    await page.keyboard.press('Enter');
    await page.locator('.search-results').getByText('転入届').first().waitFor();
    await page
      .getByRole('button', { name: t('guide.openCounter', { name: COUNTER_1 }) })
      .first()
      .tap();
    const sheet = page.getByRole('complementary', { name: t('hud.sideLabel') });
    await sheet.getByRole('button', { name: t('hud.sheetUp') }).tap();
    expect(await heightOf(page, '.hall-side')).toBeGreaterThan(PHONE.height * 0.5);
    await page.screenshot({ path: `${SHOTS}/phone-sheet-ja.png` });
    const queue = sheet.getByRole('region', { name: t('queue.heading') });
    await queue.getByRole('button', { name: t('queue.take') }).tap();
    const ticket = page.getByRole('region', { name: t('ticket.heading') });
    const number = Number(await ticket.getByLabel(/受付番号/).textContent());
    expect(number).toBeGreaterThan(0);

    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await page.getByRole('button', { name: t('call.answer') }).tap();
    await page.getByRole('region', { name: t('consult.heading', { counter: COUNTER_1, number }) }).waitFor();
    await consultationRoom(staff, number).waitFor();
    expect(await noSideways(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/phone-consultation-ja.png` });
    await context.close();
  });

  it('the 3D hall keeps 60 % of the screen; tap to walk, drag to turn, pinch to zoom', async () => {
    const { context, page } = await onPhone('/');
    await page.getByLabel(t('entry.nickname'), { exact: true }).fill('さんでぃ');
    await page.getByRole('button', { name: t('entry.enter') }).tap();
    await page.waitForFunction(() => window.__cityHall?.sceneReady === true, undefined, { timeout: 60_000 });
    const canvas = (await page.locator('canvas').first().boundingBox())!;
    expect(canvas.height).toBeGreaterThanOrEqual(PHONE.height * 0.6);
    expect(await noSideways(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/phone-3d-ja.png` });
    const hook = () => page.evaluate(() => ({ ...window.__cityHall!.position, ...window.__cityHall!.view }));
    const start = await hook();

    // A tap on the floor ahead (up the screen) walks there: north, as the view has not been turned.
    await page.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + canvas.height * 0.3);
    await expect.poll(async () => (await hook()).z, { timeout: 20_000 }).toBeLessThan(start.z - 1);
    await page.waitForFunction(() => window.__cityHall?.walking === false);
    const walked = await hook();

    // One finger dragged sideways turns the view and walks nowhere; two fingers spread apart zoom in.
    const touch = await context.newCDPSession(page);
    const finger = (x: number, id = 0) => ({ x: canvas.x + x, y: canvas.y + canvas.height / 2, id });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [finger(60)] });
    for (let x = 80; x <= 300; x += 20) {
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [finger(x)] });
    }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const turned = await hook();
    expect(Math.abs(turned.yaw)).toBeGreaterThan(0.5);
    expect(Math.hypot(turned.x - walked.x, turned.z - walked.z)).toBeLessThan(0.5);

    const pair = (gap: number) => [finger(180 - gap, 1), finger(180 + gap, 2)];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pair(20) });
    for (let gap = 30; gap <= 120; gap += 10) {
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pair(gap) });
    }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const zoomed = await hook();
    expect(zoomed.zoom).toBeLessThan(0.7);
    expect(Math.hypot(zoomed.x - walked.x, zoomed.z - walked.z)).toBeLessThan(0.5);
    await page.screenshot({ path: `${SHOTS}/phone-3d-turned-zoomed-ja.png` });
    expect(await noSideways(page)).toBe(true);
    await context.close();
  });

  it('attend a briefing: join from the list, raise a hand and ask a question, all by taps', async () => {
    const title = 'スマホで説明会';
    await startLiveBriefing(
      hall.server.url,
      { ja: title, en: 'Briefing on a phone' },
      { ja: 'スマホから参加', en: 'Joining from a phone' },
    );

    const { context, page } = await onPhone('/?no3d');
    await page.getByLabel(t('entry.nickname'), { exact: true }).tap();
    await page.keyboard.type('ききて');
    await page.getByRole('button', { name: t('entry.enter') }).tap();
    await page.waitForFunction(() => window.__cityHall?.ready === true);
    const sheet = page.getByRole('complementary', { name: t('hud.sideLabel') });
    await sheet.getByRole('button', { name: t('hud.sheetUp') }).tap();
    await sheet.getByRole('button', { name: t('events.join', { title }) }).tap();
    const briefing = page.getByRole('region', { name: title });
    await briefing.getByRole('button', { name: t('briefing.raiseHand') }).tap();
    await briefing.getByRole('button', { name: t('briefing.lowerHand') }).waitFor();
    await briefing.getByLabel(t('briefing.ask')).tap();
    await page.keyboard.type('子ども連れでも大丈夫ですか？');
    await briefing.getByRole('button', { name: t('briefing.send') }).tap();
    await briefing.getByText('子ども連れでも大丈夫ですか？').waitFor();
    expect(await noSideways(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/phone-briefing-ja.png` });
    await context.close();
  });
});
