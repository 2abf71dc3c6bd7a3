import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { DEMO_HALL_FILE } from '../../server/src/hall/hallFromFile.ts';
import type { HallLayout } from '../../shared/layout/layoutSchema.ts';

const demo = () => JSON.parse(readFileSync(DEMO_HALL_FILE, 'utf8')) as HallLayout;

/** Counter 1 (市民課) 3 m further north along the west wall. */
function movedCounter1(): HallLayout {
  const next = demo();
  const c = next.counters.find((x) => x.id === 'shimin')!;
  c.desk = { ...c.desk, minZ: c.desk.minZ - 3, maxZ: c.desk.maxZ - 3 };
  c.serviceSpot = [c.serviceSpot[0], c.serviceSpot[1] - 3];
  c.staffSpot = [c.staffSpot[0], c.staffSpot[1] - 3];
  return next;
}

const file = (name: string, layout: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof layout === 'string' ? layout : JSON.stringify(layout, null, 2)),
});

describe('the hall as data: an admin uploads a plan and residents see it without a rebuild', () => {
  const hall = useHallInBrowser();

  it('a bad file lists its problems; a moved counter is previewed, put live, and moves for a resident in the hall', async () => {
    const resident = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await resident.enterWithKeyboard('みなみ');
    const counter1 = resident.page.locator('[data-counter="shimin"] rect');
    await counter1.waitFor();
    expect(await counter1.getAttribute('y')).toBe('-16.5');

    const admin = await staffSignsIn(hall.browser, hall.server.url, 'demo-admin');
    await admin.page.goto(`${hall.server.url}/admin`);
    const section = admin.page.getByRole('region', { name: admin.t('admin.hall.heading') });
    await section.getByRole('link', { name: admin.t('admin.hall.download') }).waitFor();

    // A file with a mistake: every problem listed, nothing changed.
    const broken = demo();
    (broken.counters[0] as { serviceSpot: number[] }).serviceSpot = [-29.9, -15];
    await section.getByLabel(admin.t('admin.hall.file')).setInputFiles(file('broken.json', broken));
    await section.getByRole('button', { name: admin.t('admin.hall.check') }).click();
    const problems = section.getByRole('alert');
    await problems.getByText('counter "shimin" service spot is not walkable').waitFor();
    await problems.getByText(admin.t('admin.hall.nothingChanged')).waitFor();
    await admin.page.screenshot({ path: `${SHOTS}/admin-hall-problems.png`, fullPage: true });

    // The moved counter: a preview with what changes, then live after confirming.
    await section.getByLabel(admin.t('admin.hall.file')).setInputFiles(file('moved.json', movedCounter1()));
    await section.getByRole('button', { name: admin.t('admin.hall.check') }).click();
    await section
      .getByText(
        admin.t('admin.hall.change.counterMoved', {
          counter: admin.t('hall.counterName', { number: 1, name: '市民課' }),
          from: '-25.2, -15',
          to: '-25.2, -18',
        }),
      )
      .waitFor();
    expect(await section.getByRole('img').count()).toBe(1);
    await admin.page.screenshot({ path: `${SHOTS}/admin-hall-preview.png`, fullPage: true });
    // Still the old plan for the resident until the admin puts it live.
    expect(await counter1.getAttribute('y')).toBe('-16.5');
    await section.getByRole('button', { name: admin.t('admin.hall.putLive') }).click();
    await section.getByRole('button', { name: admin.t('admin.hall.confirmYes') }).click();
    await section.getByRole('status').waitFor();

    // The resident's plan redraws with counter 1 in its new place, and they are told.
    await resident.page.waitForFunction(
      () => document.querySelector('[data-counter="shimin"] rect')?.getAttribute('y') === '-19.5',
    );
    await resident.page.getByText(resident.t('hall.planChanged')).waitFor();
    await resident.page.screenshot({ path: `${SHOTS}/hall-plan-moved-2d.png`, fullPage: true });

    // A newcomer gets the new plan from the start (no rebuild, no reload of the server).
    const late = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await late.enterWithKeyboard('Late');
    await late.page.waitForFunction(
      () => document.querySelector('[data-counter="shimin"] rect')?.getAttribute('y') === '-19.5',
    );
  });
});
