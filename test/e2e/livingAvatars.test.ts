import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import type { AvatarMotionReport } from '../../client/src/store/avatarMotion.ts';
import { staffAtCounter } from './pages/queueFlows.ts';
import { useHallInBrowser } from './support.ts';
import demo from '../../assets/halls/demo.json' with { type: 'json' };

/** Screenshots of this hall, kept to be looked at. */
const SCREENS = 'test-results/screens';
/** Where residents stand to be served at counter 1 (市民課); staff stand at (-28.6, -15), the desk between. */
const AT_COUNTER_1 = { x: -25.2, z: -15 };

const AUDITORIUM = demo.areas.find((a) => a.id === 'auditorium')!.name;
/** Closer, for the screenshots: + zooms the 3D view in, as a resident would from the keyboard. */
async function zoom(p: HallPage, key: '+' | '-', presses: number): Promise<void> {
  await p.page.getByRole('application', { name: p.t('scene.label') }).focus();
  for (let i = 0; i < presses; i++) await p.page.keyboard.press(key);
}
const motionOf = (p: HallPage, nickname: string) =>
  p.page.evaluate((n) => window.__cityHall!.avatarMotion(n) as AvatarMotionReport | null, nickname);

describe('living avatars: walking, waving, uniforms, sitting', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });
  let walker: HallPage;
  let watcher: HallPage;

  it("a walking resident's legs move in the other's view", async () => {
    mkdirSync(SCREENS, { recursive: true });
    walker = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await walker.enter('あるく', '緑');
    watcher = await HallPage.open(hall.browser, hall.server.url, 'en');
    await watcher.enter('Mia', 'Orange');
    await watcher.waitForPerson('あるく');
    await walker.waitForScene();
    await watcher.waitForScene();
    await watcher.page.waitForFunction(() => window.__cityHall!.avatarMotion('あるく') !== null);
    await zoom(walker, '+', 5);
    await zoom(watcher, '+', 5);
    const still = (await motionOf(watcher, 'あるく'))!;
    expect(still.walking).toBe(false);
    expect(still.uniform).toBe(false);

    // Held until the watcher's view has seen a stride or more of the walk (slow machines draw few frames).
    await walker.page.keyboard.down('ArrowUp');
    await watcher.page.waitForFunction(
      (from) => {
        const m = window.__cityHall!.avatarMotion('あるく');
        return m !== null && m.walking && m.phase > from + Math.PI;
      },
      still.phase,
      { timeout: 15_000 },
    );
    await walker.page.screenshot({ path: `${SCREENS}/avatars-residents-walking.png` });
    await walker.page.keyboard.up('ArrowUp');
    // Stopped: the legs come to rest.
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.walking === false,
      undefined,
      {
        timeout: 10_000,
      },
    );
  });

  it('a wave from the keyboard is seen by the other for about two seconds, in 3D and in the list', async () => {
    const button = walker.peoplePanel().getByRole('button', { name: walker.t('people.wave') });
    await button.focus();
    await walker.page.keyboard.press('Enter');
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.waving === true,
      undefined,
      {
        timeout: 5_000,
      },
    );
    const row = watcher.peoplePanel().getByRole('listitem').filter({ hasText: 'あるく' });
    await row.getByText(watcher.t('people.waving'), { exact: false }).waitFor();
    await watcher.page.screenshot({ path: `${SCREENS}/avatars-wave.png` });
    // The waver sees their own wave too, and keeps the keyboard focus on the button.
    expect((await motionOf(walker, 'あるく'))?.waving).toBe(true);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.waving === false,
      undefined,
      {
        timeout: 5_000,
      },
    );
    expect(await row.textContent()).not.toContain(watcher.t('people.waving'));
  });

  it('staff at a counter wear the uniform; residents do not', async () => {
    const { staff } = await staffAtCounter(hall.browser, hall.server.url);
    const staffRow = watcher
      .peoplePanel()
      .getByRole('listitem')
      .filter({ hasText: watcher.t('role.staff') });
    await staffRow.waitFor({ timeout: 20_000 });
    const staffName = (await staffRow.locator('.nickname').textContent())!;
    expect(await watcher.page.evaluate(({ x, z }) => window.__cityHall!.walkTo(x, z), AT_COUNTER_1)).toBe(
      true,
    );
    await watcher.page.waitForFunction(
      ({ x, z }) => {
        const p = window.__cityHall!.position;
        return Math.hypot(p.x - x, p.z - z) < 0.8 && !window.__cityHall!.walking;
      },
      AT_COUNTER_1,
      { timeout: 60_000 },
    );
    await watcher.page.waitForFunction(
      (n) => window.__cityHall!.avatarMotion(n)?.uniform === true,
      staffName,
    );
    expect((await motionOf(watcher, 'Mia'))?.uniform).toBe(false);
    await watcher.page.screenshot({ path: `${SCREENS}/avatars-staff-at-counter.png` });
    expect(staff.errors).toEqual([]);
    await staff.close();
  });

  it('residents sit on auditorium seats; someone whose connection drops is shown away', async () => {
    for (const p of [walker, watcher]) {
      await p.page
        .getByRole('button', { name: p.t('hall.goTo', { name: AUDITORIUM[p.lang as 'ja' | 'en'] }) })
        .click();
      const prompt = p.page.getByRole('region', { name: p.t('events.auditorium') });
      await prompt.getByRole('button', { name: p.t('hall.walkToFreeSeat') }).click({ timeout: 60_000 });
    }
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.sitting === true,
      undefined,
      {
        timeout: 60_000,
      },
    );
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('Mia')?.sitting === true,
      undefined,
      {
        timeout: 60_000,
      },
    );
    // Back to the usual distance on the watcher's side: the whole block of seats, wherever they sat.
    await zoom(watcher, '-', 4);
    await watcher.page.screenshot({ path: `${SCREENS}/avatars-seated-audience.png` });
    await walker.page.screenshot({ path: `${SCREENS}/avatars-seated-audience-2.png` });

    await walker.page.evaluate(() => window.__cityHall!.dropConnection());
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.away === true,
      undefined,
      {
        timeout: 15_000,
      },
    );
    await watcher.page.screenshot({ path: `${SCREENS}/avatars-away.png` });
    // The SDK reconnects by itself: the avatar is all there again.
    await watcher.page.waitForFunction(
      () => window.__cityHall!.avatarMotion('あるく')?.away === false,
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect(watcher.errors).toEqual([]);
    await walker.close();
    await watcher.close();
  });
});
