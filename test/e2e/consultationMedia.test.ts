import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { consultationRoom, staffAtCounter, takeNumber } from './pages/queueFlows.ts';
import {
  FAKE_MEDIA,
  mediaPanel,
  picturesArrive,
  picturesStop,
  soundArrives,
  switchOn,
  waitSwitchedOn,
  type MediaMode,
} from './pages/mediaFlows.ts';

const STAFF_NAME = '佐藤 (Sato)';

/**
 * The video consultation as two people really use it: each switches on when they are ready, one after
 * the other with a pause, or both at once; voice first and the camera later; camera off and on, screen
 * share, and a reload in the middle. Every case proves that BOTH sides decode the other's frames.
 */
describe('video consultation media, whoever switches on first', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' }, FAKE_MEDIA);
  let staff: HallPage;
  let consoleBox: Locator;

  beforeAll(async () => {
    ({ staff, consoleBox } = await staffAtCounter(hall.browser, hall.server.url));
  });

  /** A resident takes a number, is called and answers: both are in the consultation room. */
  async function meet(nickname: string): Promise<{ res: HallPage; number: number }> {
    const res = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await res.enter(nickname, '青');
    const number = await takeNumber(res, '転入届');
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).click();
    await res.page.getByRole('button', { name: res.t('call.answer') }).click();
    await consultationRoom(res, number).waitFor();
    await consultationRoom(staff, number).waitFor();
    return { res, number };
  }

  /** As `meet`, then the resident switches on camera and microphone, the staff member after them. */
  async function meetFaceToFace(nickname: string) {
    const met = await meet(nickname);
    await switchOn(met.res, 'video');
    await waitSwitchedOn(met.res);
    await switchOn(staff, 'video');
    await Promise.all([picturesArrive(met.res), picturesArrive(staff)]);
    return met;
  }

  /** Staff end the consultation in the room: that finishes the ticket, and the console offers the next. */
  async function part(res: HallPage, number: number): Promise<void> {
    await staff.page.getByRole('button', { name: staff.t('consult.end') }).click();
    await consoleBox.getByText(staff.t('staff.lastFinished', { number })).waitFor();
    await consoleBox.getByRole('button', { name: staff.t('staff.callNext') }).waitFor();
    await staff.page.getByRole('button', { name: staff.t('consult.backToHall') }).click();
    expect(res.errors, res.errors.join('\n')).toEqual([]);
    await res.close();
  }

  const nameOf = (p: HallPage, resident: string) => (p === staff ? resident : STAFF_NAME);

  const cases: { first: 'resident' | 'staff' | 'both'; mode: MediaMode; pauseMs: number }[] = [
    // The reported failure: the resident first, the staff member ten seconds later.
    { first: 'resident', mode: 'video', pauseMs: 10_000 },
    { first: 'staff', mode: 'video', pauseMs: 3000 },
    { first: 'both', mode: 'video', pauseMs: 0 },
    { first: 'resident', mode: 'audio', pauseMs: 3000 },
    { first: 'staff', mode: 'audio', pauseMs: 3000 },
    { first: 'both', mode: 'audio', pauseMs: 0 },
  ];

  for (const [i, c] of cases.entries()) {
    const title =
      c.mode === 'video'
        ? `${c.first === 'both' ? 'both at once' : `${c.first} first`}, camera and microphone: both see each other`
        : `${c.first === 'both' ? 'both at once' : `${c.first} first`}, voice only and the camera later: both hear, then see each other`;
    it(title, async () => {
      const nickname = `住民${i + 1}`;
      const { res, number } = await meet(nickname);
      const [a, b] = c.first === 'staff' ? [staff, res] : [res, staff];
      const arrives = c.mode === 'video' ? picturesArrive : soundArrives;

      if (c.first === 'both') {
        await Promise.all([switchOn(a, c.mode), switchOn(b, c.mode)]);
      } else {
        await switchOn(a, c.mode);
        await waitSwitchedOn(a);
        // The first side's media reaches the other before the other does anything: its negotiation is over.
        await arrives(b);
        // Nothing comes back yet, and the first side is not told that all is well.
        const panelA = mediaPanel(a);
        await panelA.getByText(a.t('media.waitingForOther', { name: nameOf(a, nickname) })).waitFor();
        expect(await panelA.getByText(a.t('media.quality.good')).count()).toBe(0);
        // A person takes their time.
        await b.page.waitForTimeout(c.pauseMs);
        await switchOn(b, c.mode);
      }
      await Promise.all([waitSwitchedOn(a), waitSwitchedOn(b)]);
      await Promise.all([arrives(a), arrives(b)]);

      if (c.mode === 'audio') {
        // Voice only: the other's camera is off, and the line says so rather than "good" alone.
        await mediaPanel(res)
          .getByText(res.t('media.noPictureOff', { name: STAFF_NAME }))
          .waitFor();
        // Then each adds the camera, in the same order.
        const cameraOn = (p: HallPage) =>
          mediaPanel(p)
            .getByRole('button', { name: p.t('media.cameraOn') })
            .click();
        if (c.first === 'both') {
          await Promise.all([cameraOn(a), cameraOn(b)]);
        } else {
          await cameraOn(a);
          await picturesArrive(b);
          await cameraOn(b);
        }
        await Promise.all([picturesArrive(a), picturesArrive(b)]);
        await Promise.all([soundArrives(a), soundArrives(b)]);
      }
      // Both decode each other's frames, and both say so.
      await Promise.all([picturesArrive(res), picturesArrive(staff)]);
      await mediaPanel(res).getByText(res.t('media.quality.good')).waitFor();
      await mediaPanel(staff).getByText(staff.t('media.quality.good')).waitFor();
      if (i === 0) {
        await res.page.screenshot({ path: `${SHOTS}/media-resident-first-ja.png` });
        await staff.page.screenshot({ path: `${SHOTS}/media-resident-first-staff-ja.png` });
      }
      await part(res, number);
    });
  }

  it('camera off and on, screen share on and off: the picture comes back each time', async () => {
    const { res, number } = await meetFaceToFace('カメラ');

    // Staff switch the camera off: nothing arrives, and the resident is told whose camera is off.
    await mediaPanel(staff)
      .getByRole('button', { name: staff.t('media.cameraOff') })
      .click();
    await picturesStop(res);
    await mediaPanel(res)
      .getByText(res.t('media.noPictureOff', { name: STAFF_NAME }))
      .waitFor();
    await res.page.screenshot({ path: `${SHOTS}/media-no-picture-ja.png` });
    await mediaPanel(staff)
      .getByRole('button', { name: staff.t('media.cameraOn') })
      .click();
    await picturesArrive(res);

    // The resident's camera off and on again, while the staff member's picture keeps coming.
    await mediaPanel(res)
      .getByRole('button', { name: res.t('media.cameraOff') })
      .click();
    await picturesStop(staff);
    await picturesArrive(res);
    await mediaPanel(res)
      .getByRole('button', { name: res.t('media.cameraOn') })
      .click();
    await picturesArrive(staff);

    // Screen share replaces the staff member's camera, and stopping it brings the camera back.
    await mediaPanel(staff)
      .getByRole('button', { name: staff.t('media.shareScreen') })
      .click();
    await res.page.getByText(new RegExp(res.t('media.theyShare'))).waitFor();
    await picturesArrive(res);
    await mediaPanel(staff)
      .getByRole('button', { name: staff.t('media.stopScreen') })
      .click();
    await res.page.getByText(new RegExp(res.t('media.theyCamera'))).waitFor();
    await Promise.all([picturesArrive(res), picturesArrive(staff)]);
    await part(res, number);
  });

  it('a picture that stops arriving is reported, with what to try, though the sender says it is on', async () => {
    const { res, number } = await meetFaceToFace('ていし');
    await mediaPanel(res).getByText(res.t('media.quality.good')).waitFor();
    // The staff member's camera breaks without their page noticing: it still says "camera on".
    await staff.page.evaluate(() => window.__cityHall!.stallOutgoingVideo());
    await picturesStop(res);
    await mediaPanel(res)
      .getByText(res.t('media.noPictureYet', { name: STAFF_NAME }))
      .waitFor();
    await res.page.getByText(new RegExp(res.t('media.theyCamera'))).waitFor();
    await mediaPanel(res)
      .getByText(res.t('media.noPictureHelp', { name: STAFF_NAME }))
      .waitFor({ timeout: 40_000 });
    // The voice still arrives, so the line keeps the connection quality for it.
    await soundArrives(res);
    await part(res, number);
  });

  it('a connection negotiated but never connected (no failure reported) is started over', async () => {
    const { res, number } = await meetFaceToFace('たてなおし');
    // What both sides offering at the same moment can leave behind in Chromium: offer and answer
    // exchanged, no candidate arrives, both 'stable', and no event ever says anything went wrong.
    await res.page.evaluate(() => window.__cityHall!.loseCandidates());
    await Promise.all([picturesStop(res), picturesStop(staff)]);
    // The watchdog starts over after 10 s, and if that try fails too (a busy machine), after 20 s more:
    // the pictures may take past 30 s to come back, by design.
    await Promise.all([picturesArrive(res, 15, 50_000), picturesArrive(staff, 15, 50_000)]);
    await mediaPanel(res).getByText(res.t('media.quality.good')).waitFor();
    await part(res, number);
  });

  it('a reload on either side in the middle of the call: back in the room, both see each other again', async () => {
    const { res, number } = await meetFaceToFace('リロード');

    // The resident mutes, then reloads: the same tab goes straight back into the room with the camera
    // on and the microphone still muted.
    await mediaPanel(res)
      .getByRole('button', { name: res.t('media.mute') })
      .click();
    await staff.page.getByText(new RegExp(staff.t('media.theyMuted'))).waitFor();
    await res.page.reload();
    await consultationRoom(res, number).waitFor({ timeout: 30_000 });
    await mediaPanel(res)
      .getByRole('button', { name: res.t('media.unmute') })
      .waitFor();
    await staff.page.getByText(new RegExp(staff.t('media.theyMuted'))).waitFor();
    await Promise.all([picturesArrive(res), picturesArrive(staff)]);
    await mediaPanel(res).getByText(res.t('media.quality.good')).waitFor();

    // Then the staff member reloads.
    await staff.page.reload();
    await consultationRoom(staff, number).waitFor({ timeout: 30_000 });
    await waitSwitchedOn(staff);
    await Promise.all([picturesArrive(res), picturesArrive(staff)]);
    // The staff member is back at the counter with this consultation as the current one.
    await consoleBox.getByRole('heading', { name: staff.t('staff.current', { number }) }).waitFor();
    await part(res, number);
  });
});
