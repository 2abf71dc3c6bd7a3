import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, useHallInBrowser } from './support.ts';

const panel = (p: HallPage) => p.page.getByRole('region', { name: p.t('disaster.heading') });

describe('disaster mode: switched on from the console, disaster information first in both views', () => {
  const hall = useHallInBrowser();

  it('an admin switches it on; residents see the alert, shelters and disaster procedures; off restores the hall', async () => {
    const yui = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await yui.enter('ゆい', '緑');
    await yui.waitForScene();
    const kim = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await kim.enterWithKeyboard('Kim');

    const admin = await staffSignsIn(hall.browser, hall.server.url, 'demo-admin');
    const control = admin.page.getByRole('region', { name: admin.t('disaster.control') });
    await control.getByLabel(admin.t('disaster.reason')).fill('大雨による避難指示');
    await control.getByRole('checkbox', { name: '1番 市民課' }).check();
    await control.getByRole('button', { name: admin.t('disaster.switchOn') }).click();
    await control.getByRole('status').getByText(admin.t('disaster.switchedOn')).waitFor();

    // Everyone, staff console included, gets the alert with the reason.
    await yui.page.getByRole('alert').getByText('大雨による避難指示', { exact: false }).waitFor();
    await kim.page.getByRole('alert').getByText('大雨による避難指示', { exact: false }).waitFor();
    await admin.page.getByRole('alert').getByText('大雨による避難指示', { exact: false }).waitFor();

    // The disaster information stands first in the side panel, in each resident's language.
    await panel(yui).getByText('市立第一小学校 体育館', { exact: true }).waitFor();
    expect(await panel(yui).getByText(yui.t('disaster.shelterClosed')).count()).toBe(3);
    await panel(kim)
      .getByRole('link', { name: kim.t('disaster.call', { name: 'Fire and ambulance', phone: '119' }) })
      .waitFor();
    // The relabelled counter says so in the directory.
    await kim.page
      .getByRole('button', {
        name: kim.t('guide.openCounter', {
          name: kim.t('disaster.counterTitle', { counter: 'Counter 1: Citizens Affairs Division' }),
        }),
      })
      .waitFor();
    await yui.page.screenshot({ path: `${SHOTS}/disaster-3d-ja.png` });

    // From the alert, the keyboard goes straight to the information; the procedure opens from there.
    await kim.page
      .getByRole('alert')
      .getByRole('button', { name: kim.t('disaster.showInfo') })
      .press('Enter');
    expect(await kim.page.evaluate(() => document.activeElement?.id)).toBe('disaster-info-heading');
    await panel(kim)
      .getByRole('button', {
        name: kim.t('guide.detailsOf', { name: 'Disaster victim certificate (Risai shomeisho)' }),
      })
      .click();
    await kim.page
      .getByRole('region', { name: kim.t('guide.label') })
      .getByRole('heading', { name: 'Disaster victim certificate (Risai shomeisho)' })
      .waitFor();
    await kim.page.screenshot({ path: `${SHOTS}/disaster-2d-en.png`, fullPage: true });

    // A staff member opens a shelter during the event.
    const editor = admin.page.locator('.shelter-editor');
    const row = editor.getByRole('group', { name: '中央公民館' });
    await row.getByRole('checkbox', { name: admin.t('disaster.shelterOpen') }).check();
    await row.getByLabel(admin.t('disaster.shelterNote')).fill('残り50人分');
    await row.getByRole('button', { name: admin.t('disaster.shelterSave', { name: '中央公民館' }) }).click();
    await panel(admin).getByText('残り50人分').waitFor();

    // Off: the alert and the panel go for everyone, the counter has its own name again.
    await control.getByRole('button', { name: admin.t('disaster.switchOff') }).click();
    for (const p of [yui, kim, admin]) await panel(p).waitFor({ state: 'detached' });
    expect(await kim.page.getByRole('alert').count()).toBe(0);
    await kim.page
      .getByRole('button', {
        name: kim.t('guide.openCounter', { name: 'Counter 1: Citizens Affairs Division' }),
      })
      .waitFor();
    for (const p of [yui, kim, admin]) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
});
