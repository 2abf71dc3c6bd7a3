/**
 * How many briefing viewers one presenter reaches through Janus on this machine: for growing audiences
 * (each a real Chromium page), the frame rate every viewer decodes and Janus's CPU, in total and per
 * viewer. Prints numbers; asserts nothing. Usage: npm run bench:sfu (needs Debian's janus and chromium).
 */
import { readFileSync } from 'node:fs';
import { startTestServer } from '../support/testServer.ts';
import { launchBrowser } from '../support/browser.ts';
import { startJanus } from '../support/janus.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { signIn } from '../integration/staffQueue.ts';
import type { EventView } from '../../shared/protocol/index.ts';

const AUDIENCES = [1, 2, 4, 8, 12, 16];
const MEASURE_S = 5;
const TICKS_PER_S = 100; // USER_HZ on Linux

const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
};

const janus = await startJanus();
const server = await startTestServer({
  CLIENT_DIR: 'dist/e2e-client',
  ...janus.env,
  LOG_LEVEL: 'error',
});
const browser = await launchBrowser([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
]);
try {
  const cookie = await signIn(server.url, 'demo-host');
  const post = (path: string, body: unknown = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const event = (await (
    await post('/api/events', {
      title: { ja: 'ベンチマーク', en: 'Benchmark' },
      description: { ja: '計測', en: 'Measurement' },
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      capacity: 500,
      presenters: ['demo-host'],
    })
  ).json()) as EventView;
  await post(`/api/events/${event.id}/start`);

  const host = await HallPage.open(browser, server.url, 'ja', '/staff?no3d');
  await host.page.getByLabel(host.t('staff.username')).fill('demo-host');
  await host.page.getByLabel(host.t('staff.password')).fill('demo-password');
  await host.page.getByRole('button', { name: host.t('staff.signIn') }).click();
  await host.waitForReady();
  await host.page.getByRole('button', { name: host.t('events.join', { title: 'ベンチマーク' }) }).click();
  await host.page.getByRole('button', { name: host.t('briefing.goOnStage') }).click();

  const viewers: HallPage[] = [];
  const addViewer = async () => {
    const p = await HallPage.open(browser, server.url, 'ja', '/?no3d');
    await p.enter(`viewer${viewers.length}`, '青');
    await p.page.getByRole('button', { name: p.t('events.join', { title: 'ベンチマーク' }) }).click();
    await p.page.waitForFunction(() => window.__cityHall!.stageFrames > 0, undefined, { timeout: 60_000 });
    viewers.push(p);
  };
  for (const n of AUDIENCES) {
    try {
      while (viewers.length < n) await addViewer();
    } catch (error) {
      // A page that cannot even load in time means the machine is saturated: that is the result.
      console.log(
        `${n} viewers: could not add viewer ${viewers.length + 1} (${String(error).split('\n')[0]})`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 2000)); // let the newest viewers settle
    const frames = () =>
      Promise.all(viewers.map((v) => v.page.evaluate(() => window.__cityHall!.stageFrames)));
    const f0 = await frames();
    const c0 = cpuTicks(janus.pid);
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    const f1 = await frames();
    const cpu = (cpuTicks(janus.pid) - c0) / TICKS_PER_S / MEASURE_S; // cores used
    const fps = f1.map((f, i) => (f - f0[i]!) / MEASURE_S).sort((a, b) => a - b);
    console.log(
      `${String(n).padStart(2)} viewers: decoded fps per viewer min ${fps[0]!.toFixed(1)} / median ` +
        `${fps[Math.floor(fps.length / 2)]!.toFixed(1)}; Janus CPU ${(cpu * 100).toFixed(1)} % of a core ` +
        `(${((cpu * 100) / n).toFixed(2)} % per viewer)`,
    );
  }
  console.log(
    '(viewers are Chromium pages on the same 2-core machine: their decoding, not Janus, limits this)',
  );
} finally {
  await browser.close();
  await server.stop();
  await janus.stop();
}
