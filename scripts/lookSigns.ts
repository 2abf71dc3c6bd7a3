/**
 * Screenshots of counter signs, number boards and the 2D plan for a person to look at (issue 19).
 * Usage: npx vite build --mode e2e && node --import tsx scripts/lookSigns.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { startTestServer } from '../test/support/testServer.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { HallPage } from '../test/e2e/pages/HallPage.ts';
import type { Page } from 'playwright-core';
import { walkThere } from '../test/e2e/pages/standAt.ts';

/** Walks there, turns (Q presses, eight a half turn), and gives the camera time to settle (a look, not a test). */
async function standAt(page: Page, x: number, z: number, turns = 0): Promise<void> {
  await walkThere(page, x, z);
  if (turns) await page.locator('.scene').focus();
  for (let i = 0; i < turns; i++) await page.keyboard.press('q');
  await page.waitForTimeout(2000);
}

const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });
const server = await startTestServer({ CLIENT_DIR: 'dist/e2e-client', OPENING_HOURS: 'always' });
const browser = await launchBrowser();
try {
  const a = await HallPage.open(browser, server.url, 'en');
  await a.enter('Ann', 'Green');
  await a.waitForScene();
  await a.page.waitForFunction(() => document.fonts.status === 'loaded');
  await standAt(a.page, 22, -6);
  await a.page.screenshot({ path: `${out}/counters-b-signs-en.png` });
  await standAt(a.page, -22, -4);
  await a.page.screenshot({ path: `${out}/counters-a-signs-en.png` });
  // From behind a counter sign (turned half round): the back face reads the right way.
  await standAt(a.page, -22, -12, 8);
  await a.page.screenshot({ path: `${out}/counters-a-signs-behind-en.png` });
  const b = await HallPage.open(browser, server.url, 'ja', '/?no3d');
  await b.enter('みどり', '紫');
  await b.page.setViewportSize({ width: 1280, height: 720 });
  await b.page.waitForTimeout(800);
  await b.page.screenshot({ path: `${out}/plan-2d-720-ja.png` });
  console.log(
    await b.page.evaluate(() =>
      JSON.stringify({
        svg: document.querySelector('.plan svg')?.getBoundingClientRect(),
        legend: document.querySelector('.guide-line-legend')?.getBoundingClientRect(),
        inner: window.innerHeight,
      }),
    ),
  );
  await b.page.mouse.move(300, 500);
  await b.page.mouse.wheel(0, 400);
  await b.page.waitForTimeout(500);
  await b.page.screenshot({ path: `${out}/plan-2d-720-scrolled-ja.png` });
  console.log(
    await b.page.evaluate(() =>
      JSON.stringify({
        svg: document.querySelector('.plan svg')?.getBoundingClientRect(),
        legend: document.querySelector('.guide-line-legend')?.getBoundingClientRect(),
      }),
    ),
  );
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
