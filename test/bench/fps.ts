/**
 * Frame rate of the 3D hall in headless Chromium (software WebGL: a proxy for a low-end device),
 * alone and with 49 wandering residents around. Prints numbers; asserts nothing.
 * Usage: npm run bench:fps   (builds the e2e client first)
 */
import { startTestServer } from '../support/testServer.ts';
import { launchBrowser } from '../support/browser.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { mulberry32, startBot, type Bot } from './bots.ts';

const SAMPLE_SECONDS = 8;

async function sampleFps(page: HallPage['page']): Promise<{ median: number; min: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLE_SECONDS; i++) {
    await page.waitForTimeout(1000);
    samples.push(await page.evaluate(() => window.__cityHall?.fps ?? 0));
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]! };
}

const server = await startTestServer({ CLIENT_DIR: 'dist/e2e-client', INTEREST_RADIUS: '40' });
const browser = await launchBrowser();
const bots: Bot[] = [];
try {
  const me = await HallPage.open(browser, server.url, 'ja', process.env.BENCH_PATH ?? '/');
  await me.enter('計測', '青');
  await me.waitForScene();
  await me.page.waitForTimeout(2000);
  const alone = await sampleFps(me.page);
  const rand = mulberry32(7);
  for (let i = 0; i < 49; i++) bots.push(await startBot(server.endpoint, i, rand));
  await me.page.waitForFunction(() => (window.__cityHall?.nearbyNicknames.length ?? 0) >= 40, undefined, {
    timeout: 30_000,
  });
  await me.page.waitForTimeout(2000);
  const crowd = await sampleFps(me.page);
  const inView = await me.page.evaluate(() => window.__cityHall!.nearbyNicknames.length);
  await me.page.screenshot({ path: 'test-results/bench-fps-50.png' });
  console.log(`fps, 1280x720, headless Chromium + SwiftShader, ${SAMPLE_SECONDS} s samples`);
  console.log(`  1 avatar : median ${alone.median} fps, min ${alone.min} fps`);
  console.log(`  50 avatars (${inView} in view): median ${crowd.median} fps, min ${crowd.min} fps`);
} finally {
  for (const b of bots) await b.stop();
  await browser.close();
  await server.stop();
}
