import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { scriptFiguresDay } from '../support/figuresDay.ts';
import { addDays } from '../../shared/figures/days.ts';
import { localDay } from '../../shared/hours/openingHours.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';

/** Serious and critical accessibility problems axe-core finds inside `selector`, one line each. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

describe('figures for the city: an admin reads a scripted day as charts, tables and CSV', () => {
  const hall = useHallInBrowser({ LOG_LEVEL: 'error' });

  it('picks the day from the keyboard, sees the charts and their tables, downloads a CSV', async () => {
    const zone = getHall().layout.timeZone;
    const day = addDays(localDay(new Date(), zone), -2);
    await scriptFiguresDay(hall.server.db, day, zone);

    const admin = await staffSignsIn(hall.browser, hall.server.url, 'demo-admin');
    await admin.page.goto(`${hall.server.url}/admin`);
    const section = admin.page.getByRole('region', { name: admin.t('admin.figures') });
    // It opens on the last 7 days; the scripted day is among them, then alone.
    await section.getByText(admin.t('figures.peopleNow')).waitFor();
    await section.getByLabel(admin.t('figures.from')).fill(day);
    await section.getByLabel(admin.t('figures.to')).fill(day);
    await tabTo(admin.page, admin.t('figures.show'));
    await admin.page.keyboard.press('Enter');
    await section.getByText(admin.t('figures.shown', { from: day, to: day, zone })).waitFor();

    const table = (title: string) =>
      section.getByRole('table', { name: admin.t('figures.tableCaption', { title, from: day, to: day }) });
    const byHour = table(admin.t('figures.chart.byHour'));
    const ten = byHour.getByRole('row', {
      name: new RegExp(`^${admin.t('figures.hourValue', { hour: 10 })}`),
    });
    expect(await ten.getByRole('cell').allTextContents()).toEqual(['20', '12']);
    const counters = table(admin.t('figures.chart.counters'));
    const shimin = counters.getByRole('row', { name: /^市民課/ });
    expect(await shimin.getByRole('cell').allTextContents()).toEqual([
      '1',
      '10',
      '8',
      '6',
      '2',
      '25%',
      '8',
      '5',
      '12',
      '2',
      '3',
    ]);
    const outcomes = table(admin.t('figures.chart.outcomes'));
    expect(
      await outcomes
        .getByRole('row', { name: new RegExp(`^${admin.t('figures.outcome.resolved')}`) })
        .getByRole('cell')
        .textContent(),
    ).toBe('5');
    // Every panel with figures draws its chart (uPlot, loaded when needed) on a canvas.
    const panel = section.getByRole('region', { name: admin.t('figures.chart.byHour') });
    await panel.locator('canvas').first().waitFor();
    expect(await section.locator('.figure-chart canvas').count()).toBeGreaterThanOrEqual(7);
    await admin.page.screenshot({ path: `${SHOTS}/figures-admin-ja.png`, fullPage: true });
    expect(await axeProblems(admin.page, '#admin-figures')).toEqual([]);

    const [download] = await Promise.all([
      admin.page.waitForEvent('download'),
      section
        .getByRole('link', { name: admin.t('figures.csvOf', { title: admin.t('figures.chart.counters') }) })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`figures-counters-${day}_${day}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFFcounter,counterNumber,tickets,/);
    expect(csv).toMatch(/^市民課,1,10,8,6,2,0\.25,8,5,12,2,3\r?$/m);
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  it("the hall's 2D view links the open data sets and their licence", async () => {
    const resident = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await resident.enterWithKeyboard('Reader');
    const openData = resident.page.locator('details.open-data');
    await openData.getByText(resident.t('opendata.heading')).click();
    const csv = openData.getByRole('link', {
      name: resident.t('opendata.csvOf', { title: 'Waits per counter and day' }),
    });
    await csv.waitFor();
    expect(await csv.getAttribute('href')).toBe(`${hall.server.url}/api/open-data/waits.csv`);
    const licence = openData.getByRole('link', { name: 'Creative Commons Attribution 4.0 International' });
    expect(await licence.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    await openData.scrollIntoViewIfNeeded();
    await openData.screenshot({ path: `${SHOTS}/open-data-2d-en.png` });
    expect(await axeProblems(resident.page, 'details.open-data')).toEqual([]);
    expect(resident.errors).toEqual([]);
    await resident.close();
  });
});
