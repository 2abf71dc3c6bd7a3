import type { Page } from 'playwright-core';

export const framesDrawn = (page: Page) => page.evaluate(() => window.__cityHall!.framesDrawn);

/**
 * Walks there, waits for arrival, turns the view (Q an eighth to the left: two presses a quarter), then
 * waits until the hall is still, ready for a screenshot.
 */
export async function standAt(page: Page, x: number, z: number, quarterTurns = 0): Promise<void> {
  await walkThere(page, x, z);
  if (quarterTurns !== 0) await page.locator('.scene').focus();
  for (let i = 0; i < Math.abs(quarterTurns) * 2; i++)
    await page.keyboard.press(quarterTurns > 0 ? 'q' : 'e');
  await untilStill(page);
}

/**
 * Waits until the 3D hall has no frame left to draw: it draws on demand, so the camera has caught up and
 * every change asked for (a sign redrawn once the web font arrived among them) is on screen.
 */
export async function untilStill(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.fonts.status === 'loaded' && window.__cityHall!.framesPending === 0,
    undefined,
    { timeout: 20_000 },
  );
}

/** Walks the avatar to (x, z) and waits until it has arrived and stopped. */
export async function walkThere(page: Page, x: number, z: number): Promise<void> {
  await page.evaluate(([tx, tz]) => window.__cityHall!.walkTo(tx!, tz!), [x, z]);
  await page.waitForFunction(
    ([tx, tz]) => {
      const h = window.__cityHall!;
      return !h.walking && Math.hypot(h.position.x - tx!, h.position.z - tz!) < 0.6;
    },
    [x, z],
    { timeout: 45_000 },
  );
}
