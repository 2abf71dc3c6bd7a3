import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { canvasColourCount, SHOTS, useHallInBrowser } from './support.ts';

describe('two residents in the 3D hall', () => {
  const hall = useHallInBrowser();
  let aiko: HallPage;
  let ben: HallPage;

  it('each sees the other by name, the canvas renders, and nothing errors', async () => {
    aiko = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await aiko.enter('あいこ', '緑');
    ben = await HallPage.open(hall.browser, hall.server.url, 'en');
    await ben.enter('Ben', 'Orange');

    await aiko.waitForPerson('Ben');
    await ben.waitForPerson('あいこ');
    await aiko
      .peoplePanel()
      .getByText(aiko.t('people.building', { count: 2 }))
      .waitFor();
    await aiko
      .peoplePanel()
      .getByText(aiko.t('people.hallRoom', { hall: 1, count: 2 }))
      .waitFor();

    await aiko.waitForScene();
    await ben.waitForScene();
    expect(await canvasColourCount(aiko.page)).toBeGreaterThan(20);
    await aiko.page.screenshot({ path: `${SHOTS}/two-residents-ja.png` });
    await ben.page.screenshot({ path: `${SHOTS}/two-residents-en.png` });

    expect(aiko.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });

  it("a resident walking with the arrow keys is seen moving in the other's view", async () => {
    const before = await ben.page.evaluate(() => window.__cityHall!.peerPosition('あいこ'));
    expect(before).not.toBeNull();
    // No clicking first: entering the hall puts focus where the arrow keys walk.
    // Hold the key until she has walked a metre and a half (a slow machine renders fewer frames per second).
    const startZ = (await aiko.page.evaluate(() => window.__cityHall!.position)).z;
    await aiko.page.keyboard.down('ArrowUp');
    await aiko.page.waitForFunction((z) => window.__cityHall!.position.z < z - 1.5, startZ, {
      timeout: 10_000,
    });
    await aiko.page.keyboard.up('ArrowUp');
    const moved = await aiko.page.evaluate(() => window.__cityHall!.position);
    await ben.page.waitForFunction(
      (z) => {
        const p = window.__cityHall!.peerPosition('あいこ');
        return p !== null && Math.abs(p.z - z) < 0.05;
      },
      moved.z,
      { timeout: 5_000 },
    );
    const after = await ben.page.evaluate(() => window.__cityHall!.peerPosition('あいこ'));
    // Walking north (up the screen) decreases z by about WALK_SPEED × hold time.
    expect(before!.z - after!.z).toBeGreaterThan(1);
  });

  it('clicking the floor walks the avatar towards the clicked spot', async () => {
    const start = await ben.page.evaluate(() => window.__cityHall!.position);
    const box = (await ben.page.locator('canvas').boundingBox())!;
    // Up and to the left of the avatar on screen is north-west in the hall (the camera looks north).
    await ben.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await ben.page.waitForFunction(
      (s) => {
        const p = window.__cityHall!.position;
        return p.x < s.x - 1 && p.z < s.z - 1;
      },
      start,
      { timeout: 10_000 },
    );
  });

  it('a quiet hall draws no frames, still shows the hall, and draws again when someone walks or the view turns', async () => {
    const frames = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.framesDrawn);
    // Settled: no frame drawn across three looks a second apart (two quiet seconds in a row).
    const settled = async (p: HallPage) => {
      let last = -1;
      let quietSeconds = 0;
      await expect
        .poll(
          async () => {
            const now = await frames(p);
            quietSeconds = now === last ? quietSeconds + 1 : 0;
            last = now;
            return quietSeconds;
          },
          { timeout: 20_000, interval: 1000 },
        )
        .toBeGreaterThanOrEqual(2);
      return last;
    };
    await ben.page.waitForFunction(() => !window.__cityHall!.walking);
    const quiet = await settled(aiko);
    await settled(ben);
    expect(await canvasColourCount(aiko.page)).toBeGreaterThan(20);

    // Ben walks back south: Aiko's hall draws again, and shows him where he now is.
    const startZ = (await ben.page.evaluate(() => window.__cityHall!.position)).z;
    await ben.page.getByRole('application', { name: ben.t('scene.label') }).focus();
    await ben.page.keyboard.down('ArrowDown');
    await ben.page.waitForFunction((z) => window.__cityHall!.position.z > z + 1, startZ, { timeout: 10_000 });
    // He keeps walking until Aiko's hall has drawn ten frames: on a busy machine the software renderer
    // may draw only a few a second, fewer than ten in the second his first metre takes.
    await aiko.page.waitForFunction((n) => window.__cityHall!.framesDrawn > n + 10, quiet);
    await ben.page.keyboard.up('ArrowDown');
    const benAt = await ben.page.evaluate(() => window.__cityHall!.position);
    await aiko.page.waitForFunction(
      (z) => Math.abs((window.__cityHall!.peerPosition('Ben')?.z ?? -99) - z) < 0.05,
      benAt.z,
      { timeout: 5_000 },
    );

    // Quiet again; then Aiko turns her view (E): drawn until the camera has come round.
    const quietAgain = await settled(aiko);
    await aiko.page.getByRole('application', { name: aiko.t('scene.label') }).focus();
    await aiko.page.keyboard.press('e');
    await aiko.page.waitForFunction((n) => window.__cityHall!.framesDrawn > n + 10, quietAgain);
    expect(await aiko.page.evaluate(() => window.__cityHall!.view.yaw)).not.toBe(0);
    await settled(aiko);
    expect(aiko.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
