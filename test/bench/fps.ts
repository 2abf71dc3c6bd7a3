/**
 * Frame rate of the 3D hall in headless Chromium (software WebGL: a proxy for a low-end device), in
 * one run: a bare three.js scene with the hall's geometry (the baseline), the hall alone, and the hall
 * with 100 residents walking around in view. Prints numbers and the ratios the issue sets goals for;
 * asserts nothing.
 * Usage: npm run bench:fps   (builds the e2e client first); BENCH_LIGHT=1 npm run bench:fps for the
 * hall with the light switch on.
 */
import { startTestServer } from '../support/testServer.ts';
import { launchBrowser } from '../support/browser.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { mulberry32, startBot, type Bot } from './bots.ts';

const SAMPLE_SECONDS = 8;
const CROWD = 100;
type Page = HallPage['page'];

/** Frames per second, read once a second for SAMPLE_SECONDS (the page counts its own frames). */
async function sampleFps(page: Page, read: () => number): Promise<{ median: number; min: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLE_SECONDS; i++) {
    await page.waitForTimeout(1000);
    samples.push(await page.evaluate(read));
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]! };
}
const hallFps = () => window.__cityHall?.fps ?? 0;

// Every one of the 100 drawn in full (by default only the nearest 24 are, the rest as markers): the worst case.
const server = await startTestServer({
  CLIENT_DIR: 'dist/e2e-client',
  INTEREST_RADIUS: '60',
  NEAR_AVATARS: String(CROWD),
});
const browser = await launchBrowser();
const bots: Bot[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const bare = await context.newPage();
  await bare.goto(`${server.url}/bench/baseline.html`);
  await bare.waitForFunction(() => (window as unknown as { __baseline?: { fps: number } }).__baseline?.fps);
  await bare.waitForTimeout(2000);
  const baseline = await sampleFps(
    bare,
    () => (window as unknown as { __baseline: { fps: number } }).__baseline.fps,
  );
  await context.close();

  const me = await HallPage.open(browser, server.url, 'ja', process.env.BENCH_PATH ?? '/');
  // BENCH_LIGHT=1: the hall as drawn with the display settings' light switch on.
  if (process.env.BENCH_LIGHT) {
    await me.page.evaluate(() => localStorage.setItem('city-hall.display', JSON.stringify({ light: true })));
    await me.page.reload();
  }
  await me.enter('計測', '青');
  await me.waitForScene();
  await me.page.waitForTimeout(2000);
  const alone = await sampleFps(me.page, hallFps);
  const rand = mulberry32(7);
  for (let i = 0; i < CROWD; i++) bots.push(await startBot(server.endpoint, i, rand));
  await me.page.waitForFunction((n) => (window.__cityHall?.nearbyNicknames.length ?? 0) >= n, CROWD * 0.8, {
    timeout: 60_000,
  });
  await me.page.waitForTimeout(2000);
  const crowd = await sampleFps(me.page, hallFps);
  const inView = await me.page.evaluate(() => window.__cityHall!.nearbyNicknames.length);
  await me.page.screenshot({ path: 'test-results/bench-fps-100.png' });
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  console.log(
    `fps, 1280x720, headless Chromium + SwiftShader, ${SAMPLE_SECONDS} s samples (median, min)` +
      (process.env.BENCH_LIGHT ? ', light switch on' : ''),
  );
  console.log(`  baseline (bare three.js, same geometry): ${baseline.median} fps, min ${baseline.min}`);
  console.log(`  hall alone                              : ${alone.median} fps, min ${alone.min}`);
  console.log(`  hall, ${CROWD} avatars (${inView} in view)     : ${crowd.median} fps, min ${crowd.min}`);
  console.log(`  hall alone / baseline: ${pct(alone.median, baseline.median)} (goal ≥ 80 %)`);
  console.log(
    `  frame time with the crowd / alone: ${(alone.median / Math.max(1, crowd.median)).toFixed(2)}× (goal ≤ 1.5×)`,
  );
} finally {
  for (const b of bots) await b.stop();
  await browser.close();
  await server.stop();
}
