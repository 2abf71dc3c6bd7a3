import type { Browser } from 'playwright-core';
import { HallPage } from './HallPage.ts';

export const COUNTER_1 = '1番 市民課';

/** Staff signs in at /staff (2D view) and takes a counter; returns the page and its console region. */
export async function staffAtCounter(
  browser: Browser,
  url: string,
  counter = COUNTER_1,
  username = 'demo-staff',
) {
  const staff = await HallPage.open(browser, url, 'ja', '/staff?no3d');
  await staff.page.getByLabel(staff.t('staff.username')).fill(username);
  await staff.page.getByLabel(staff.t('staff.password')).fill('demo-password');
  await staff.page.getByRole('button', { name: staff.t('staff.signIn') }).click();
  await staff.waitForReady();
  const consoleBox = staff.page.getByRole('region', { name: staff.t('staff.console') });
  await consoleBox.getByLabel(staff.t('staff.chooseCounter')).selectOption({ label: counter });
  await consoleBox.getByRole('button', { name: staff.t('staff.takeCounter') }).click();
  await consoleBox.getByRole('heading', { name: counter }).waitFor();
  return { staff, consoleBox };
}

/** A resident opens the counter's panel, picks a topic and takes a number; returns the number. */
export async function takeNumber(res: HallPage, topic: string, counter = COUNTER_1): Promise<number> {
  await res.page.getByRole('button', { name: res.t('guide.openCounter', { name: counter }) }).click();
  const panel = res.page.getByRole('region', { name: res.t('guide.label') });
  const queue = panel.getByRole('region', { name: res.t('queue.heading') });
  await queue.getByText(res.t('counter.staffOnDuty', { count: 1 })).waitFor();
  await queue.getByLabel(res.t('queue.topic')).selectOption({ label: topic });
  await queue.getByRole('button', { name: res.t('queue.take') }).click();
  const ticket = res.page.getByRole('region', { name: res.t('ticket.heading') });
  await ticket.getByLabel(/受付番号|Number/).waitFor();
  return Number(await ticket.getByLabel(/受付番号|Number/).textContent());
}

export const consultationRoom = (p: HallPage, number: number, counter = COUNTER_1) =>
  p.page.getByRole('region', { name: p.t('consult.heading', { counter, number }) });
