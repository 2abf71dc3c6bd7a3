/**
 * Frame rate of the 3D hall in headless Chromium (software WebGL: a proxy for a low-end device), in
 * one run: a bare three.js scene with the hall's geometry (the baseline), the hall alone, and the hall
 * with 100 residents walking around in view. Prints numbers and the ratios the issue sets goals for;
 * asserts nothing.
 * Usage: npm run bench:fps   (builds the e2e client first); BENCH_LIGHT=1 npm run bench:fps for the
 * hall with the light switch on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { cpuSeconds, spawnBenchServer, startBots } from './benchProcesses.ts';
import { summariseProfile, type CpuProfile } from './profileSummary.ts';
import { LOWER_FPS, LOWERED_DPR } from '../../client/src/scene/qualityTiers.ts';

const SAMPLE_SECONDS = 8;
const CROWD = 100;
const IDLE_SECONDS = 4;
type Page = HallPage['page'];
type Drawn = { calls: number; triangles: number; dpr: number };

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

// The server and the residents each in a process of their own (as on a real device, where they are
// elsewhere), so that what the browser is measured on is the browser's own work; their CPU is printed.
// Every one of the 100 drawn in full (by default only the nearest 24 are, the rest as markers): the worst case.
const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-fps-'));
const server = await spawnBenchServer({
  DATABASE_FILE: join(dataDir, 'fps.sqlite'),
  CLIENT_DIR: 'dist/e2e-client',
  INTEREST_RADIUS: '60',
  NEAR_AVATARS: String(CROWD),
  JOINS_PER_ADDRESS: '200',
});
const browser = await launchBrowser();
let bots: ReturnType<typeof startBots> | null = null;
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
  const drawnBaseline = await bare.evaluate(
    () => (window as unknown as { __baseline: { drawn: Drawn } }).__baseline.drawn,
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
  // Nobody moving: the hall draws nothing. Measured over a window of IDLE_SECONDS (a measurement, not a
  // wait for something to happen). Then it is asked to draw every frame, as it does while anything
  // moves, for the frame rates.
  const framesDrawn = () => me.page.evaluate(() => window.__cityHall!.framesDrawn);
  const idleFrom = await framesDrawn();
  await me.page.waitForTimeout(IDLE_SECONDS * 1000);
  const idleFps = ((await framesDrawn()) - idleFrom) / IDLE_SECONDS;
  await me.page.evaluate(() => (window.__cityHall!.drawEveryFrame = true));
  // Sampled once the resolution has settled: fast enough to keep it, or already lowered (or light).
  // (The second counted from now on, not one from before the hall was asked to draw.)
  const from = await framesDrawn();
  await me.page.waitForFunction(
    ({ from, lowerFps, lowered }) => {
      const h = window.__cityHall!;
      return h.framesDrawn > from + 2 * lowerFps && (h.fps >= lowerFps || h.drawn.dpr <= lowered);
    },
    { from, lowerFps: LOWER_FPS, lowered: LOWERED_DPR },
    { timeout: 30_000 },
  );
  const alone = await sampleFps(me.page, hallFps);
  const drawnAlone = await me.page.evaluate(() => window.__cityHall!.drawn);
  // Packed: they stand in the lobby where the camera looks when one enters, and shuffle at 10 Hz.
  bots = startBots(server.url, CROWD, 0, false);
  await bots.ready;
  await me.page.waitForFunction((n) => (window.__cityHall?.nearbyNicknames.length ?? 0) >= n, CROWD * 0.8, {
    timeout: 60_000,
  });
  await me.page.waitForTimeout(2000);
  // FPS_PROFILE=file.cpuprofile: the page's JavaScript profiled over the crowd's sample (open it in
  // Chrome DevTools); the heaviest functions are printed too.
  const cdp = process.env.FPS_PROFILE ? await me.page.context().newCDPSession(me.page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const cpu0 = { server: cpuSeconds(server.child.pid!), bots: cpuSeconds(bots.child.pid!), at: Date.now() };
  const crowd = await sampleFps(me.page, hallFps);
  const seconds = (Date.now() - cpu0.at) / 1000;
  const share = (pid: number, from: number) => `${(((cpuSeconds(pid) - from) / seconds) * 100).toFixed(0)} %`;
  const serverCpu = share(server.child.pid!, cpu0.server);
  const botsCpu = share(bots.child.pid!, cpu0.bots);
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(process.env.FPS_PROFILE!, JSON.stringify(profile));
    console.log(summariseProfile(profile, 25));
  }
  const inView = await me.page.evaluate(() => window.__cityHall!.nearbyNicknames.length);
  const drawnCrowd = await me.page.evaluate(() => window.__cityHall!.drawn);
  await me.page.screenshot({ path: 'test-results/bench-fps-100.png' });
  const drawn = (d: Drawn) => `${d.calls} draws, ${d.triangles} triangles, pixel ratio ${d.dpr}`;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  console.log(
    `fps, 1280x720, headless Chromium + SwiftShader, ${SAMPLE_SECONDS} s samples (median, min)` +
      (process.env.BENCH_LIGHT ? ', light switch on' : ''),
  );
  console.log(
    `  baseline (bare three.js, same geometry): ${baseline.median} fps, min ${baseline.min} (${drawn(drawnBaseline)})`,
  );
  console.log(
    `  hall alone                              : ${alone.median} fps, min ${alone.min} (${drawn(drawnAlone)})`,
  );
  console.log(
    `  hall, ${CROWD} avatars (${inView} in view)     : ${crowd.median} fps, min ${crowd.min} (${drawn(drawnCrowd)})`,
  );
  console.log(`  hall alone, nobody moving: ${idleFps.toFixed(1)} frames drawn a second`);
  console.log(`  hall alone / baseline: ${pct(alone.median, baseline.median)} (goal ≥ 80 %)`);
  console.log(
    `  frame time with the crowd / alone: ${(alone.median / Math.max(1, crowd.median)).toFixed(2)}× (goal ≤ 1.5×)`,
  );
  console.log(`  meanwhile, CPU of a core: server ${serverCpu}, the ${CROWD} residents ${botsCpu}`);
} finally {
  bots?.child.kill();
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
