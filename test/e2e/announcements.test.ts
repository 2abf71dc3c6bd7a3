import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { signIn } from '../integration/staffQueue.ts';

const banner = (p: HallPage) => p.page.getByRole('region', { name: p.t('announce.heading') });

describe('announcements: everyone in the hall hears them, in their language, in both views', () => {
  const hall = useHallInBrowser();

  it('an emergency is read in the 3D and the 2D view and cannot be closed; a notice from the console can', async () => {
    const yui = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await yui.enter('ゆい', '緑');
    await yui.waitForScene();
    const kim = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await kim.enterWithKeyboard('Kim');

    // The admin announces an emergency (over the API here; the console is used below).
    const admin = await signIn(hall.server.url, 'demo-admin');
    const res = await fetch(`${hall.server.url}/api/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({
        severity: 'emergency',
        texts: {
          ja: '火災報知器が鳴りました。係員の指示に従ってください。',
          en: 'The fire alarm has sounded. Follow the staff.',
        },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };

    // An alert (read at once by screen readers), in each resident's language, with no way to close it.
    await yui.page.getByRole('alert').getByText('火災報知器が鳴りました', { exact: false }).waitFor();
    await kim.page.getByRole('alert').getByText('The fire alarm has sounded', { exact: false }).waitFor();
    for (const p of [yui, kim]) {
      expect(await banner(p).getByRole('button').count()).toBe(0);
      expect(await banner(p).getByText(p.t('announce.severity.emergency')).count()).toBe(1);
    }
    await yui.page.screenshot({ path: `${SHOTS}/announcement-emergency-3d-ja.png` });
    await kim.page.screenshot({ path: `${SHOTS}/announcement-emergency-2d-en.png` });

    // A host writes a notice in the staff console, in Japanese only.
    const host = await staffSignsIn(hall.browser, hall.server.url, 'demo-host');
    const composer = host.page.getByRole('region', { name: host.t('announce.compose') });
    await composer.getByRole('radio', { name: host.t('announce.severity.info') }).check();
    await composer.getByLabel(host.t('announce.textJa')).fill('3番窓口は11時から再開します。');
    await composer.getByRole('button', { name: host.t('announce.send') }).click();
    await composer.getByRole('status').getByText(host.t('announce.sent')).waitFor();

    // Kim reads it (Japanese, marked as such), and closes it from the keyboard; the emergency stays.
    const notice = banner(kim).getByText('3番窓口は11時から再開します。', { exact: false });
    await notice.waitFor();
    expect(await banner(kim).getByText('[日本語]', { exact: false }).count()).toBe(1);
    // The notice line read it out politely as well.
    await kim.page
      .locator('.notice-line')
      .getByText(kim.t('announce.new', { text: '[日本語] 3番窓口は11時から再開します。' }))
      .waitFor();
    await tabTo(kim.page, kim.t('announce.dismissOne', { text: '[日本語] 3番窓口は11時から再開します。' }));
    await kim.page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    expect(
      await kim.page.getByRole('alert').getByText('The fire alarm has sounded', { exact: false }).count(),
    ).toBe(1);
    // Yui did not close hers.
    await banner(yui).getByText('3番窓口は11時から再開します。').waitFor();

    // The host ends the emergency from the console: gone for everyone.
    await composer
      .getByRole('button', {
        name: host.t('announce.endOne', { text: '火災報知器が鳴りました。係員の指示に従ってください。' }),
      })
      .click();
    for (const p of [yui, kim])
      await p.page
        .getByRole('alert')
        .filter({ hasText: p.lang === 'ja' ? '火災' : 'fire' })
        .waitFor({ state: 'detached' });

    // Today's list keeps both for anyone who missed them.
    await kim.page.getByText(kim.t('announce.history')).click();
    const history = kim.page.locator('.announcement-history');
    await history.getByText('The fire alarm has sounded', { exact: false }).waitFor();
    await history.getByText('3番窓口は11時から再開します。', { exact: false }).waitFor();
    expect(id).toBeGreaterThan(0);
    for (const p of [yui, kim, host]) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
});
