import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { COUNTER_1, consultationRoom, staffAtCounter } from './pages/queueFlows.ts';
import { FAKE_MEDIA } from './pages/mediaFlows.ts';

const frames = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.media.framesDecoded);

describe('video consultation, from booking to record', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' }, FAKE_MEDIA);

  it('book, check in, get called; both see remote video, share screen and a link; staff saves a record', async () => {
    const { staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url);
    // Staff publish a slot starting in ten minutes (the browser's local time, as the form takes it).
    await consoleBox.getByText(staff.t('slots.publish')).click();
    const local = await staff.page.evaluate(() => {
      const d = new Date(Date.now() + 10 * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await consoleBox.getByLabel(staff.t('slots.startsAt')).fill(local);
    await consoleBox.getByRole('button', { name: staff.t('slots.submit') }).click();
    await consoleBox.getByText(staff.t('slots.published')).waitFor();

    // The resident books it from the counter panel (2D view), gets a code and a calendar file, checks in.
    const res = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await res.enter('ゆうと', '青');
    await res.page.getByRole('button', { name: res.t('guide.openCounter', { name: COUNTER_1 }) }).click();
    const booking = res.page.getByRole('region', { name: res.t('booking.heading') });
    await booking.getByRole('radio', { name: /残り1枠/ }).check();
    await booking.getByLabel(res.t('queue.topic')).selectOption({ label: '転入届' });
    await booking.getByLabel(res.t('booking.contact')).fill('090-0000-0000');
    await booking.getByRole('button', { name: res.t('booking.book') }).click();
    const codeText = await booking
      .getByLabel(/予約コード/)
      .first()
      .textContent();
    const code = codeText!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const ics = await booking.getByRole('link', { name: res.t('booking.calendar') }).getAttribute('href');
    const calendar = await (await fetch(`${hall.server.url}${ics}`)).text();
    expect(calendar).toContain('BEGIN:VEVENT');
    await res.page.screenshot({ path: `${SHOTS}/booking-ja.png` });
    const queueBox = res.page.getByRole('region', { name: res.t('queue.heading') });
    await queueBox.getByLabel(res.t('booking.checkInCode')).fill(code);
    await queueBox.getByRole('button', { name: res.t('booking.checkIn') }).click();
    const ticket = res.page.getByRole('region', { name: res.t('ticket.heading') });
    const number = Number(await ticket.getByLabel(/受付番号/).textContent());
    await consoleBox.getByText(staff.t('staff.booked')).waitFor();
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

    // Chat works beside the video, both ways.
    await res.page.getByLabel(res.t('consult.message')).fill('住民票も必要ですか？');
    await res.page.getByRole('button', { name: res.t('consult.send') }).click();
    await consultationRoom(staff, number).getByRole('log').getByText('住民票も必要ですか？').waitFor();

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
