/**
 * Takes screenshots of the real page for a person to look at: entry screen, 3D hall with two residents,
 * and the 2D view. Usage: node --import tsx scripts/screenshot.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { startTestServer } from '../test/support/testServer.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { HallPage } from '../test/e2e/pages/HallPage.ts';

const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });
const server = await startTestServer({ CLIENT_DIR: 'dist/e2e-client' });
const browser = await launchBrowser();
try {
  const a = await HallPage.open(browser, server.url, 'ja');
  await a.page.screenshot({ path: `${out}/entry-ja.png` });
  await a.enter('さくら', '緑');
  const b = await HallPage.open(browser, server.url, 'en');
  await b.enter('Ben', 'Orange');
  await a.waitForPerson('Ben');
  await a.waitForScene();
  await a.page.waitForTimeout(1500);
  await a.page.screenshot({ path: `${out}/hall-3d-ja.png` });
  await b.waitForScene();
  await b.page.waitForTimeout(1000);
  await b.page.screenshot({ path: `${out}/hall-3d-en.png` });
  await b.page.evaluate(() => window.__cityHall?.walkTo(-25.2, -8));
  await b.page.waitForFunction(() => (window.__cityHall?.position.x ?? 0) < -24, undefined, {
    timeout: 30_000,
  });
  await b.page.waitForTimeout(1200);
  await b.page.screenshot({ path: `${out}/counters-3d-en.png` });
  await a.switchTo2d();
  await a.page.waitForTimeout(600);
  await a.page.screenshot({ path: `${out}/hall-2d-ja.png`, fullPage: true });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
