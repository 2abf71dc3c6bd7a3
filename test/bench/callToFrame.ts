/**
 * Video consultation latency on loopback, in both directions: from the staff member pressing "call
 * next" to both in the room, then to the first decoded video frame on each side (staff → resident on
 * the resident's screen, resident → staff on the staff member's). Each round is run twice: both press
 * "use camera and microphone" at once, and the resident first with the staff member only after the
 * resident's picture arrived (the order that used to leave the resident with a black box).
 * Real Chromium with fake devices. Prints numbers; asserts nothing. Usage: npm run bench:call
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
type Order = 'both at once' | 'resident first';
const toFrame: Record<Order, { resident: number[]; staff: number[] }> = {
  'both at once': { resident: [], staff: [] },
  'resident first': { resident: [], staff: [] },
};
// The remote <video> (the only unmuted one) has a size once its first frame is decoded.
const firstFrame = async (p: HallPage, t0: number) => {
  await p.page.waitForFunction(
    () => [...document.querySelectorAll('video')].some((v) => !v.muted && v.videoWidth > 0),
    undefined,
    { polling: 10, timeout: 30_000 },
  );
  return performance.now() - t0;
};
const startVideo = (p: HallPage) => p.page.getByRole('button', { name: p.t('media.startVideo') }).click();
try {
  const { staff, consoleBox } = await staffAtCounter(browser, server.url);
  for (let i = 0; i < ROUNDS * 2; i++) {
    const order: Order = i % 2 === 0 ? 'both at once' : 'resident first';
    const res = await HallPage.open(browser, server.url, 'ja', '/?no3d');
    await res.enter(`bench${i}`, '青');
    const number = await takeNumber(res, '転入届');
    const t0 = performance.now();
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await res.page.getByRole('button', { name: res.t('call.answer') }).click();
    await Promise.all([consultationRoom(res, number).waitFor(), consultationRoom(staff, number).waitFor()]);
    toRoom.push(performance.now() - t0);
    let atStaff: Promise<number>;
    if (order === 'both at once') {
      await Promise.all([startVideo(res), startVideo(staff)]);
      atStaff = firstFrame(staff, t0);
    } else {
      await startVideo(res);
      atStaff = firstFrame(staff, t0);
      await atStaff;
      await startVideo(staff);
    }
    const [atResident, atStaffMs] = await Promise.all([firstFrame(res, t0), atStaff]);
    toFrame[order].resident.push(atResident);
    toFrame[order].staff.push(atStaffMs);
    await staff.page.getByRole('button', { name: staff.t('consult.end') }).click();
    await staff.page.getByRole('button', { name: staff.t('consult.backToHall') }).click();
    await res.close();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) =>
    `median ${med(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`call → both in the private room: ${list(toRoom)}`);
  for (const order of Object.keys(toFrame) as Order[]) {
    console.log(
      `${order}: call → first frame from staff on the resident's screen: ${list(toFrame[order].resident)}`,
    );
    console.log(
      `${order}: call → first frame from the resident on the staff screen: ${list(toFrame[order].staff)}`,
    );
  }
  console.log('(includes the automated clicks on "enter the room" and "use camera and microphone")');
} finally {
  await browser.close();
  await server.stop();
}
