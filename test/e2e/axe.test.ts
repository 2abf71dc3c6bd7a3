import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { useHallInBrowser } from './support.ts';
import { COUNTER_1, consultationRoom, staffAtCounter, takeNumber } from './pages/queueFlows.ts';
import { attendeesJoin, hostJoins, hostStartsBriefing, staffSignsIn } from './pages/briefingFlows.ts';
import { LANGUAGES } from '../../shared/i18n/languages.ts';

/** Serious and critical problems axe-core finds on the page as it is now, one line each. */
async function problems(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    );
}

/**
 * axe-core on every screen a resident or staff member meets: 0 serious or critical problems. Each
 * violation found is listed (screen, rule, element, why), so a failure says what to fix.
 */
describe('accessibility (axe-core) on every screen', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });
  const found: string[] = [];

  it('resident screens: entry, 2D and 3D hall, counter panel, checklist, ticket', async () => {
    const { consoleBox, staff } = await staffAtCounter(hall.browser, hall.server.url);
    found.push(...(await problems(staff.page, 'staff console')));

    for (const lang of ['ja', 'en'] as const) {
      const p = await HallPage.open(hall.browser, hall.server.url, lang, '/?no3d');
      await p.page.getByLabel(p.t('entry.nickname'), { exact: true }).waitFor();
      found.push(...(await problems(p.page, `entry (${lang})`)));
      await p.enter(lang === 'ja' ? 'あき' : 'Aki', lang === 'ja' ? '青' : 'Blue');
      found.push(...(await problems(p.page, `2D hall (${lang})`)));
      await p.page.context().close();
    }

    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await p.enter('ゆい', '青');
    await p.page
      .getByRole('button', { name: p.t('life.open') })
      .first()
      .click();
    found.push(...(await problems(p.page, 'life-event form')));
    await p.page.keyboard.press('Escape');
    const number = await takeNumber(p, '転入届', COUNTER_1);
    found.push(...(await problems(p.page, 'counter panel and ticket')));
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await p.page.getByRole('button', { name: p.t('call.answer') }).waitFor();
    found.push(...(await problems(p.page, 'being called')));
    await p.page.getByRole('button', { name: p.t('call.answer') }).click();
    await consultationRoom(p, number).waitFor();
    await consultationRoom(staff, number).waitFor();
    found.push(...(await problems(p.page, 'consultation (resident)')));
    found.push(...(await problems(staff.page, 'consultation (staff)')));

    // The other theme: high contrast (as the system asks for it) with extra large text.
    const high = await hall.browser.newContext({
      locale: 'ja-JP',
      contrast: 'more',
      viewport: { width: 1280, height: 720 },
    });
    const highPage = await high.newPage();
    await highPage.goto(`${hall.server.url}/?no3d`);
    await highPage.getByRole('radio', { name: p.t('display.size.xlarge') }).check();
    found.push(...(await problems(highPage, 'entry (high contrast, extra large)')));
    await highPage.getByLabel(p.t('entry.nickname'), { exact: true }).fill('くっきり');
    await highPage.getByRole('button', { name: p.t('entry.enter') }).click();
    await highPage.waitForFunction(() => window.__cityHall?.ready === true);
    await highPage.getByRole('button', { name: p.t('guide.openCounter', { name: COUNTER_1 }) }).click();
    found.push(...(await problems(highPage, '2D hall and counter panel (high contrast, extra large)')));
    await high.close();

    const three = await HallPage.open(hall.browser, hall.server.url, 'ja', '/');
    await three.enter('みお', '青');
    await three.waitForScene();
    found.push(...(await problems(three.page, '3D hall')));

    const phone = await hall.browser.newContext({
      viewport: { width: 360, height: 640 },
      locale: 'ja-JP',
      hasTouch: true,
      isMobile: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${hall.server.url}/?no3d`);
    await phonePage.getByRole('button', { name: p.t('entry.enter') }).waitFor();
    found.push(...(await problems(phonePage, 'entry (phone)')));
    await phonePage.getByLabel(p.t('entry.nickname'), { exact: true }).fill('スマホ');
    await phonePage.getByRole('button', { name: p.t('entry.enter') }).click();
    await phonePage.waitForFunction(() => window.__cityHall?.ready === true);
    found.push(...(await problems(phonePage, '2D hall (phone)')));
  });

  it('staff sign-in and a briefing', async () => {
    const signInPage = await HallPage.open(hall.browser, hall.server.url, 'ja', '/staff?no3d');
    await signInPage.page.getByLabel(signInPage.t('staff.username')).waitFor();
    found.push(...(await problems(signInPage.page, 'staff sign-in')));
    const title = '防災説明会';
    const { host } = await hostStartsBriefing(hall.browser, hall.server.url, title, {
      captioners: 'demo-staff',
    });
    await hostJoins(host, title);
    found.push(...(await problems(host.page, 'briefing (host)')));
    // The captioner's input and the captions everyone reads.
    const captioner = await staffSignsIn(hall.browser, hall.server.url, 'demo-staff');
    await captioner.page
      .getByRole('region', { name: captioner.t('events.heading') })
      .getByRole('button', { name: captioner.t('events.join', { title }) })
      .click();
    const input = captioner.page.getByLabel(captioner.t('briefing.captionInput'));
    await input.fill('ただいまから始めます。');
    await input.press('Enter');
    found.push(...(await problems(captioner.page, 'briefing (captioner)')));
    const [attendee] = await attendeesJoin(hall.browser, hall.server.url, title, ['さら']);
    await attendee!.page.getByText('ただいまから始めます。').first().waitFor();
    found.push(...(await problems(attendee!.page, 'briefing (attendee, with captions)')));
  });

  it('the entry screen in every other language, and with furigana', async () => {
    for (const lang of LANGUAGES.filter((l) => l !== 'ja' && l !== 'en')) {
      const p = await HallPage.open(hall.browser, hall.server.url, lang, '/?no3d');
      await p.page.getByRole('heading', { name: p.t('entry.heading') }).waitFor();
      found.push(...(await problems(p.page, `entry (${lang})`)));
      await p.close();
    }
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await p.page.getByRole('checkbox', { name: p.t('display.furigana') }).check();
    await p.page.locator('.lead rt').first().waitFor();
    found.push(...(await problems(p.page, 'entry (ja, furigana)')));
    await p.close();
  });

  it('lists nothing serious or critical', () => {
    expect(found, found.join('\n')).toEqual([]);
  });
});
