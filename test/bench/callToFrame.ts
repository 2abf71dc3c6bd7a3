/**
 * Video consultation latency on loopback: from the staff member pressing "call next" to the first
 * decoded remote video frame on the resident's screen, split into call → both in the room, and room →
 * first frame (includes both sides' camera start and ICE/DTLS). Real Chromium with fake devices.
 * Prints numbers; asserts nothing. Usage: npm run bench:call
 */
import { performance } from 'node:perf_hooks';
import { startTestServer } from '../support/testServer.ts';
import { launchBrowser } from '../support/browser.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { consultationRoom, staffAtCounter, takeNumber } from '../e2e/pages/queueFlows.ts';

const ROUNDS = 5;
const server = await startTestServer({
  CLIENT_DIR: 'dist/e2e-client',
  OPENING_HOURS: 'always',
  LOG_LEVEL: 'error',
});
const browser = await launchBrowser([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
]);
const toRoom: number[] = [];
const toFrame: number[] = [];
try {
  const { staff, consoleBox } = await staffAtCounter(browser, server.url);
  for (let i = 0; i < ROUNDS; i++) {
    const res = await HallPage.open(browser, server.url, 'ja', '/?no3d');
    await res.enter(`bench${i}`, '青');
    const number = await takeNumber(res, '転入届');
    const t0 = performance.now();
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await res.page.getByRole('button', { name: res.t('call.answer') }).click();
    await Promise.all([consultationRoom(res, number).waitFor(), consultationRoom(staff, number).waitFor()]);
    const t1 = performance.now();
    await Promise.all(
      [res, staff].map((p) => p.page.getByRole('button', { name: p.t('media.startVideo') }).click()),
    );
    await res.page.waitForFunction(
      () => [...document.querySelectorAll('video')].some((v) => !v.muted && v.videoWidth > 0),
      undefined,
      { polling: 10, timeout: 30_000 },
    );
    const t2 = performance.now();
    toRoom.push(t1 - t0);
    toFrame.push(t2 - t0);
    await consoleBox.getByRole('button', { name: staff.t('staff.done') }).click();
    await staff.page.getByRole('button', { name: staff.t('consult.backToHall') }).click();
    await res.close();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `call → both in the private room: median ${med(toRoom).toFixed(0)} ms (${toRoom.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `call → first decoded remote frame: median ${med(toFrame).toFixed(0)} ms (${toFrame.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log('(includes the automated clicks on "enter the room" and "use camera and microphone")');
} finally {
  await browser.close();
  await server.stop();
}
