/**
 * What a first visit downloads before the entry form can be used, on a slow network and a slow CPU (a
 * cheap school tablet on a busy mobile link), with the server's compression as shipped and, for
 * comparison, as if nothing were compressed. Counts bytes on the wire (Chromium's encodedDataLength,
 * headers included) until the nickname field and the enter button are on screen and enabled, then
 * everything that arrived in the next idle seconds (fonts). Usage: npm run bench:entry
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startServerProcess } from '../support/serverProcess.ts';
import { translate } from '../../client/src/i18n/translate.ts';
import { ENTRY_USABLE_MARK } from '../../client/src/ui/entryMark.ts';

const NETWORK = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const GOAL_KB = 250;

interface Visit {
  usableMs: number;
  usableBytes: number;
  usableRequests: number;
  settledBytes: number;
  byType: Map<string, number>;
}

async function visit(browser: Browser, url: string, compressed: boolean): Promise<Visit> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Chromium always offers br and gzip; the uncompressed comparison asks for nothing else.
  if (!compressed)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  const types = new Map<string, string>();
  const finished: { bytes: number; type: string; at: number }[] = [];
  // CDP times are monotonic seconds; a request's wallTime pairs one with the epoch.
  let wallOffset = 0;
  cdp.on('Network.requestWillBeSent', (e) => (wallOffset = e.wallTime - e.timestamp));
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) =>
    finished.push({
      bytes: e.encodedDataLength,
      type: types.get(e.requestId) ?? 'Other',
      at: (e.timestamp + wallOffset) * 1000,
    }),
  );
  await page.goto(url, { waitUntil: 'commit' });
  // The page marks the moment its entry form is mounted with its handlers: count what had arrived then.
  const marked = await page.waitForFunction(
    (mark) => {
      const m = performance.getEntriesByName(mark)[0];
      return m ? { at: performance.timeOrigin + m.startTime, since: m.startTime } : null;
    },
    ENTRY_USABLE_MARK,
    { timeout: 120_000, polling: 100 },
  );
  const { at: usableAt, since: usableMs } = (await marked.jsonValue())!;
  await page.getByLabel(translate('ja', 'entry.nickname'), { exact: true }).waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
  const atUsable = finished.filter((f) => f.at <= usableAt);
  const byType = new Map<string, number>();
  for (const f of atUsable) byType.set(f.type, (byType.get(f.type) ?? 0) + f.bytes);
  await context.close();
  return {
    usableMs,
    usableBytes: atUsable.reduce((s, f) => s + f.bytes, 0),
    usableRequests: atUsable.length,
    settledBytes: finished.reduce((s, f) => s + f.bytes, 0),
    byType,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const dir = mkdtempSync(join(tmpdir(), 'city-hall-entry-'));
const server = await startServerProcess({
  CLIENT_DIR: 'dist/client',
  DATABASE_FILE: join(dir, 'entry.sqlite'),
  LOG_LEVEL: 'error',
});
const browser = await launchBrowser();
try {
  console.log(
    `bench:entry — first visit, cold cache, ${NETWORK.latency} ms RTT, ${((NETWORK.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, CPU ${CPU_SLOWDOWN}× slower`,
  );
  for (const compressed of [true, false]) {
    const v = await visit(browser, `${server.url}/`, compressed);
    const parts = [...v.byType].map(([t, b]) => `${t} ${kb(b)}`).join(', ');
    console.log(
      `${compressed ? 'as served (br/gzip)' : 'uncompressed      '}: entry form usable after ${kb(v.usableBytes)} in ${v.usableRequests} requests, ${(v.usableMs / 1000).toFixed(1)} s (${parts}); ${kb(v.settledBytes)} once idle` +
        (compressed ? ` | goal ≤ ${GOAL_KB} KB: ${v.usableBytes <= GOAL_KB * 1024 ? 'met' : 'NOT met'}` : ''),
    );
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
