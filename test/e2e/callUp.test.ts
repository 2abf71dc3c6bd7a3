import { describe, expect, it } from 'vitest';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';

describe('staff call-up: the admin calls, staff answer from their console, the tally follows live', () => {
  const hall = useHallInBrowser();

  it('a call-up reaches a signed-in staff member, who answers from the keyboard; the admin sees it counted', async () => {
    const admin = await staffSignsIn(hall.browser, hall.server.url, 'demo-admin');
    const sato = await staffSignsIn(hall.browser, hall.server.url, 'demo-staff');

    const control = admin.page.getByRole('region', { name: admin.t('callup.control') });
    await control.getByLabel(admin.t('callup.message')).fill('震度6弱の地震。登庁できる職員は本庁舎へ。');
    await control.getByRole('button', { name: admin.t('callup.sendCallUp') }).click();
    await control.getByRole('status').getByText(admin.t('callup.sent')).waitFor();
    const tally = control.getByRole('table', {
      name: admin.t('callup.tallyCaption', { to: admin.t('callup.everyone') }),
    });
    const total = tally.getByRole('row', { name: new RegExp(`^${admin.t('callup.total')}`) });
    await total.getByRole('cell').first().waitFor();
    expect(await total.getByRole('cell').allTextContents()).toEqual(['5', '0', '0', '0', '5']);

    // Sato's open console shows it (it looks every few seconds) and reads it out.
    const card = sato.page.getByRole('region', { name: sato.t('callup.heading') });
    await card
      .getByRole('alert')
      .getByText('震度6弱の地震。登庁できる職員は本庁舎へ。')
      .waitFor({ timeout: 15_000 });
    await tabTo(sato.page, sato.t('callup.choice.coming'));
    await sato.page.keyboard.press('Space');
    await tabTo(sato.page, sato.t('callup.minutes'));
    await sato.page.keyboard.type('20');
    await tabTo(sato.page, sato.t('callup.send'));
    await sato.page.keyboard.press('Enter');
    await card
      .getByRole('status')
      .getByText(sato.t('callup.answered', { answer: sato.t('callup.status.coming', { minutes: 20 }) }))
      .waitFor();

    // The admin's table counts it within a few seconds, in all and under Sato's department.
    await admin.page.waitForFunction(
      () => document.querySelector('.callup-tally tbody tr td:nth-child(3)')?.textContent === '1',
      undefined,
      { timeout: 15_000 },
    );
    expect(await total.getByRole('cell').allTextContents()).toEqual(['5', '1', '0', '0', '4']);
    await admin.page.screenshot({ path: `${SHOTS}/callup-admin-ja.png`, fullPage: true });
    await sato.page.screenshot({ path: `${SHOTS}/callup-staff-ja.png` });

    await control.getByRole('button', { name: admin.t('callup.close') }).click();
    await card.waitFor({ state: 'detached', timeout: 15_000 });
    for (const p of [admin, sato]) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
});
