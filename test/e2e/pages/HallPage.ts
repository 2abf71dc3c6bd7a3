import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Language } from '../../../shared/constants.ts';
import { loadDictionary, translate } from '../../../client/src/i18n/translate.ts';
import { languageForBrowser, localeOf } from '../../../shared/i18n/languages.ts';
import type { MessageKey } from '../../../client/src/i18n/ja.ts';
import { watchPageErrors } from '../../support/browser.ts';
import { chooseFullView, tabTo } from '../support.ts';

/**
 * A resident's browser tab. Finds controls by role and accessible name (taken from the same i18n
 * dictionaries the UI uses), so these tests also keep the UI accessible.
 */
export class HallPage {
  readonly errors: string[];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly lang: Language,
  ) {
    this.errors = watchPageErrors(page);
  }

  static async open(
    browser: Browser,
    baseUrl: string,
    lang: Language,
    path = '/',
    opts: { automaticQuality?: boolean } = {},
  ): Promise<HallPage> {
    await loadDictionary(lang);
    const context = await browser.newContext({
      locale: localeOf(lang),
      viewport: { width: 1280, height: 720 },
    });
    if (!opts.automaticQuality) await chooseFullView(context);
    // Easy Japanese has no browser language of its own: chosen once, as a resident would, and kept.
    if (languageForBrowser([localeOf(lang)]) !== lang) {
      await context.addInitScript((chosen: string) => {
        if (!localStorage.getItem('city-hall.prefs'))
          localStorage.setItem('city-hall.prefs', JSON.stringify({ lang: chosen }));
      }, lang);
    }
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    return new HallPage(context, page, lang);
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  async enter(nickname: string, colorName: string): Promise<void> {
    await this.page.getByLabel(this.t('entry.nickname'), { exact: true }).fill(nickname);
    await this.page.getByRole('radio', { name: colorName, exact: true }).check();
    await this.page.getByRole('button', { name: this.t('entry.enter') }).click();
    await this.waitForReady();
  }

  /** Keyboard only: Tab to the nickname field, type, Tab to the enter button, press Enter. */
  async enterWithKeyboard(nickname: string): Promise<void> {
    await tabTo(this.page, this.t('entry.nickname'));
    await this.page.keyboard.type(nickname);
    await tabTo(this.page, this.t('entry.enter'));
    await this.page.keyboard.press('Enter');
    await this.waitForReady();
  }

  async waitForReady(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(() => window.__cityHall?.ready === true, undefined, { timeout });
  }

  async waitForScene(timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(() => window.__cityHall?.sceneReady === true, undefined, { timeout });
  }

  peoplePanel() {
    return this.page.getByRole('region', { name: this.t('people.heading') });
  }

  async waitForPerson(nickname: string, timeout = 20_000): Promise<void> {
    await this.peoplePanel().getByText(nickname, { exact: true }).waitFor({ timeout });
  }

  async switchTo2d(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('hud.switchTo2d') }).click();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
