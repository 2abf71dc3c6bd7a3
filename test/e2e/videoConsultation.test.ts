import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { consultationRoom, staffAtCounter, takeNumber } from './pages/queueFlows.ts';

/** Fake camera and microphone, no permission prompt; media stays on this machine (loopback ICE). */
const FAKE_MEDIA = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--auto-select-desktop-capture-source=Entire screen',
];

const frames = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.media.framesDecoded);

describe('video consultation', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' }, FAKE_MEDIA);

  it('both see remote video, chat, staff shares the screen and a procedure link', async () => {
    const { staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url);
    const res = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await res.enter('ゆうと', '青');
    const number = await takeNumber(res, '転入届');
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await res.page.getByRole('button', { name: res.t('call.answer') }).click();
    await consultationRoom(res, number).waitFor();
    await consultationRoom(staff, number).waitFor();

    for (const p of [res, staff]) {
      await p.page.getByRole('button', { name: p.t('media.startVideo') }).click();
    }
    await expect.poll(() => frames(res), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => frames(staff), { timeout: 30_000 }).toBeGreaterThan(0);
    await res.page.getByText(res.t('media.quality.good')).waitFor({ timeout: 15_000 });

    // Mute is seen by the other side.
    await res.page.getByRole('button', { name: res.t('media.mute') }).click();
    await staff.page.getByText(new RegExp(staff.t('media.theyMuted'))).waitFor();

    // Screen share from staff: the resident is told, and frames keep coming.
    await staff.page.getByRole('button', { name: staff.t('media.shareScreen') }).click();
    await res.page.getByText(new RegExp(res.t('media.theyShare'))).waitFor();
    const before = await frames(res);
    await expect.poll(() => frames(res), { timeout: 15_000 }).toBeGreaterThan(before);

    // A procedure link from the catalogue into the chat, opening in a new tab without opener.
    await staff.page.getByLabel(staff.t('media.shareProcedure')).selectOption({ label: '住民票の写し' });
    await staff.page.getByRole('button', { name: staff.t('media.sendLink') }).click();
    const link = res.page.getByRole('link', { name: res.t('consult.openLink') });
    await link.waitFor();
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('href')).toMatch(/juminhyo/);
    for (const p of [res, staff]) {
      await p.page.getByRole('heading', { name: p.t('media.heading') }).scrollIntoViewIfNeeded();
    }
    await res.page.screenshot({ path: `${SHOTS}/video-resident-ja.png` });
    await staff.page.screenshot({ path: `${SHOTS}/video-staff-ja.png` });

    // Staff keep a record; the resident never sees it, and rates the consultation at the end.
    await staff.page
      .getByLabel(staff.t('record.notes'), { exact: true })
      .fill('住民票の写しはオンラインで申請できると案内。');
    await staff.page.getByRole('radio', { name: staff.t('record.outcome.resolved') }).check();
    await staff.page.getByRole('button', { name: staff.t('record.save') }).click();
    await staff.page.getByText(staff.t('record.saved')).waitFor();
    expect(await res.page.getByText(res.t('record.heading')).count()).toBe(0);
    await consoleBox.getByRole('button', { name: staff.t('staff.done') }).click();
    await res.page.getByText(res.t('consult.endedReason.done')).waitFor();
    await res.page.getByRole('radio', { name: res.t('rating.5') }).check();
    await res.page.getByRole('button', { name: res.t('rating.send') }).click();
    await res.page.getByText(res.t('rating.thanks')).first().waitFor();
    await consoleBox.getByText(staff.t('record.list')).click();
    await consoleBox.getByRole('cell', { name: '5/5' }).waitFor();

    expect(res.errors, res.errors.join('\n')).toEqual([]);
    expect(staff.errors, staff.errors.join('\n')).toEqual([]);
    await res.close();
    await staff.close();
  });
});
