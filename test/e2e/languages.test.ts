import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { FALLBACK_MARKER } from '../../shared/i18n/localized.ts';
import { loadDictionary, translate } from '../../client/src/i18n/translate.ts';
import type { Procedure } from '../../shared/catalog/catalogSchema.ts';

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const pageText = (page: Page) => page.locator('body').innerText();

/**
 * A resident whose browser speaks Korean gets Korean from the first screen, the catalogue and the
 * hall's plan included; switching to Vietnamese in the hall changes everything and survives a reload.
 */
describe('eight languages', () => {
  const hall = useHallInBrowser();
  beforeAll(() => Promise.all(['vi', 'ja-easy', 'pt'].map(loadDictionary)));

  it('a Korean browser gets Korean everywhere; Vietnamese chosen in the hall stays after a reload', async () => {
    const tennyu = (await (
      await fetch(`${hall.server.url}/api/procedures/tennyu-todoke`)
    ).json()) as Procedure;
    const p = await HallPage.open(hall.browser, hall.server.url, 'ko', '/?no3d');
    await p.page.getByRole('heading', { name: p.t('entry.heading') }).waitFor();
    expect(await htmlLang(p.page)).toBe('ko');
    await p.page.screenshot({ path: `${SHOTS}/language-entry-ko.png` });
    await p.enter('민준', p.t('color.#1971c2'));

    // The catalogue answers in Korean: search in Korean, the procedure's name and documents.
    await p.page
      .getByRole('banner')
      .getByRole('searchbox', { name: p.t('search.label') })
      .fill('전입');
    await p.page.keyboard.press('Enter');
    const panel = p.page.getByRole('region', { name: p.t('guide.label') });
    await panel.getByText(tennyu.name.ko!, { exact: true }).first().waitFor();
    await panel
      .getByRole('button', { name: p.t('guide.detailsOf', { name: tennyu.name.ko! }) })
      .first()
      .click();
    await panel.getByRole('heading', { name: tennyu.name.ko }).waitFor();
    await panel.getByText(tennyu.documents.ko![0]!, { exact: true }).waitFor();
    // The plan and the people list name the hall's areas in Korean too.
    await p.page.getByRole('main').getByText('로비', { exact: true }).first().waitFor();
    expect(await pageText(p.page)).not.toContain(FALLBACK_MARKER.trim());
    await p.page.screenshot({ path: `${SHOTS}/language-procedure-ko.png` });

    // The switch is in the top bar; the page changes once the Vietnamese words have arrived.
    await p.page.getByRole('combobox', { name: p.t('hud.language') }).selectOption('vi');
    const vi = (key: Parameters<typeof translate>[1]) => translate('vi', key);
    await p.page
      .getByRole('banner')
      .getByRole('searchbox', { name: vi('search.label') })
      .waitFor();
    await p.page
      .getByRole('region', { name: vi('guide.label') })
      .getByRole('heading', { name: tennyu.name.vi })
      .waitFor();
    expect(await htmlLang(p.page)).toBe('vi');
    await p.page.reload();
    await p.waitForReady();
    await p.page
      .getByRole('banner')
      .getByRole('searchbox', { name: vi('search.label') })
      .waitFor();
    expect(await htmlLang(p.page)).toBe('vi');
    expect(await pageText(p.page)).not.toContain(FALLBACK_MARKER.trim());
    await p.page.screenshot({ path: `${SHOTS}/language-hall-vi.png` });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('easy Japanese and Portuguese are offered by their own names on the entry screen', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    const select = p.page.getByRole('combobox', { name: p.t('hud.language') });
    const names = await select.locator('option').allTextContents();
    expect(names).toEqual([
      '日本語',
      'やさしい日本語',
      'English',
      '简体中文',
      '繁體中文',
      '한국어',
      'Tiếng Việt',
      'Português',
    ]);
    await select.selectOption('ja-easy');
    await p.page.getByRole('heading', { name: translate('ja-easy', 'entry.heading') }).waitFor();
    expect(await htmlLang(p.page)).toBe('ja');
    // The label now reads in easy Japanese: the same switch, found by its new name.
    await p.page.getByRole('combobox', { name: translate('ja-easy', 'hud.language') }).selectOption('pt');
    await p.page.getByRole('heading', { name: translate('pt', 'entry.heading') }).waitFor();
    expect(await htmlLang(p.page)).toBe('pt-BR');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('furigana: readings over kanji in Japanese and easy Japanese, remembered, off again', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    const lead = p.page.locator('.lead');
    await lead.waitFor();
    expect(await lead.locator('rt').count()).toBe(0);
    await p.page.getByRole('checkbox', { name: p.t('display.furigana') }).check();
    await expect.poll(() => lead.locator('rt').count()).toBeGreaterThan(2);
    await p.page.screenshot({ path: `${SHOTS}/furigana-entry-ja.png` });
    await p.enter('ゆうと', p.t('color.#1971c2'));

    await p.page
      .getByRole('banner')
      .getByRole('searchbox', { name: p.t('search.label') })
      .fill('転入');
    await p.page.keyboard.press('Enter');
    const panel = p.page.getByRole('region', { name: p.t('guide.label') });
    await panel
      .getByRole('button', { name: p.t('guide.detailsOf', { name: '転入届' }) })
      .first()
      .click();
    const heading = panel.locator('.procedure-detail h2');
    await expect.poll(() => heading.locator('rt').allTextContents()).toEqual(['てんにゅう', 'とどけ']);
    // What the heading reads as plain text, readings left out, is still the name.
    expect(await heading.evaluate((h) => [...h.childNodes].map((n) => n.textContent).join(''))).toContain(
      '転入',
    );
    await p.page.screenshot({ path: `${SHOTS}/furigana-procedure-ja.png` });

    // Easy Japanese gets readings too; the choice survives a reload.
    await p.page.getByRole('combobox', { name: p.t('hud.language') }).selectOption('ja-easy');
    await p.page.getByRole('combobox', { name: translate('ja-easy', 'hud.language') }).waitFor();
    await p.page.reload();
    await p.waitForReady();
    await p.page
      .getByRole('banner')
      .getByRole('searchbox', { name: translate('ja-easy', 'search.label') })
      .fill('転入');
    await p.page.keyboard.press('Enter');
    const easyPanel = p.page.getByRole('region', { name: translate('ja-easy', 'guide.label') });
    await easyPanel.locator('.procedure-name rt').first().waitFor();
    await p.page.screenshot({ path: `${SHOTS}/furigana-search-ja-easy.png` });
    const menu = p.page.getByRole('banner').getByText(translate('ja-easy', 'display.heading'));
    await menu.click();
    await p.page
      .getByRole('banner')
      .getByRole('checkbox', { name: translate('ja-easy', 'display.furigana') })
      .uncheck();
    await expect.poll(() => easyPanel.locator('rt').count()).toBe(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
