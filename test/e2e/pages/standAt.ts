import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const framesDrawn = (page: Page) => page.evaluate(() => window.__cityHall!.framesDrawn);

/**
 * Walks there, waits for arrival, turns the view (Q an eighth to the left: two presses a quarter), then
 * waits until the hall stops drawing: drawing on demand stops once the camera has caught up, so no new
 * frames over a short look means the view is still and ready for a screenshot.
 */
export async function standAt(page: Page, x: number, z: number, quarterTurns = 0): Promise<void> {
  await walkThere(page, x, z);
  if (quarterTurns !== 0) await page.locator('.scene').focus();
  for (let i = 0; i < Math.abs(quarterTurns) * 2; i++)
    await page.keyboard.press(quarterTurns > 0 ? 'q' : 'e');
  await expect
    .poll(
      async () => {
        const before = await framesDrawn(page);
        await page.waitForTimeout(500);
        return (await framesDrawn(page)) - before;
      },
      { timeout: 20_000 },
    )
    .toBe(0);
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
