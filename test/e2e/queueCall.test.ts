import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { consultationRoom, staffAtCounter, takeNumber } from './pages/queueFlows.ts';

describe('staff and resident: take a number, get called, consult', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });

  it('the whole flow, including the call notice, in two browsers', async () => {
    // Staff: sign in at /staff (2D view, so the console and queue are what matter), take counter 1.
    const { staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url);
    await consoleBox.getByText(staff.t('counter.status.open')).first().waitFor();

    // Resident in the 3D hall: opens the counter, sees it open with staff, takes a number for 転入届.
    const res = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await res.enter('みどり', '緑');
    await res.waitForScene();
    const number = await takeNumber(res, '転入届');
    const ticket = res.page.getByRole('region', { name: res.t('ticket.heading') });
    // Nobody ahead and the staff member free: "shortly", and what the estimate rests on.
    await ticket.getByText(res.t('ticket.nextShortly')).waitFor();
    await ticket.getByText(res.t('ticket.basisDefault', { minutes: 5 })).waitFor();
    expect(number).toBeGreaterThan(0);
    await res.page.screenshot({ path: `${SHOTS}/queue-ticket-ja.png` });

    // Staff sees the number and topic (no name), and calls.
    const row = consoleBox.getByRole('row', { name: new RegExp(`^${number}\\b.*転入届`) });
    await row.waitFor();
    expect(await consoleBox.getByRole('table').textContent()).not.toContain('みどり');
    await staff.page.screenshot({ path: `${SHOTS}/queue-staff-console-ja.png` });
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();

    // The call: an alert dialog with focus on its button, the live region, and the page title.
    const dialog = res.page.getByRole('alertdialog', { name: res.t('call.title', { number }) });
    await dialog.waitFor();
    const answer = dialog.getByRole('button', { name: res.t('call.answer') });
    await expect.poll(() => answer.evaluate((b) => b === document.activeElement)).toBe(true);
    await res.page.getByRole('log').getByText(res.t('call.title', { number })).waitFor();
    await expect.poll(() => res.page.title(), { timeout: 5000 }).toContain('🔔');
    await res.page.screenshot({ path: `${SHOTS}/queue-call-ja.png` });
    await res.page.keyboard.press('Enter');

    // Both are in the private consultation room and can chat.
    const room = (p: HallPage) => consultationRoom(p, number);
    await room(res).waitFor();
    await room(staff).waitFor();
    // In the room the call notice is gone and the counter's panel has stepped aside.
    await res.page.getByRole('log').getByText(res.t('consult.entered')).waitFor();
    expect(await res.page.getByText(res.t('call.title', { number })).count()).toBe(0);
    expect(await res.page.getByRole('region', { name: res.t('guide.label') }).count()).toBe(0);
    await res.page.getByLabel(res.t('consult.message')).fill('転入の手続きをしたいです');
    await res.page.getByRole('button', { name: res.t('consult.send') }).click();
    await room(staff).getByRole('log').getByText('転入の手続きをしたいです').waitFor();
    await staff.page.getByLabel(staff.t('consult.message')).fill('はい、ご案内します。');
    await staff.page.getByRole('button', { name: staff.t('consult.send') }).click();
    await room(res).getByRole('log').getByText('はい、ご案内します。').waitFor();
    expect(await res.page.title()).not.toContain('🔔');
    await res.page.screenshot({ path: `${SHOTS}/queue-consultation-ja.png` });
    await staff.page.screenshot({ path: `${SHOTS}/queue-consultation-staff-ja.png` });

    // Staff finishes: the resident is told, and goes back to the hall.
    await consoleBox.getByRole('button', { name: staff.t('staff.done') }).click();
    await res.page.getByText(res.t('consult.endedReason.done')).waitFor();
    await res.page.getByRole('button', { name: res.t('consult.backToHall') }).click();
    await res.waitForScene();
    await expect.poll(() => ticket.count()).toBe(0);

    expect(res.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await res.close();
    await staff.close();
  });
});
