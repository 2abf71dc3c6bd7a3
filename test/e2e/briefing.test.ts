import { describe, expect, it } from 'vitest';
import type { HallPage } from './pages/HallPage.ts';
import { SHOTS } from './support.ts';
import {
  useHallWithJanus,
  attendeesJoin,
  hostJoins,
  hostStartsBriefing,
  stageFrames,
  stageVoices,
} from './pages/briefingFlows.ts';

const TITLE = '防災説明会';

describe('a briefing through the Janus SFU: a host and three attendees', () => {
  const hall = useHallWithJanus();

  it('host creates and starts it; attendees join and receive the stage video, raise a hand, ask; the host pins', async () => {
    const { host } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE);
    const hostView = await hostJoins(host, TITLE);
    const attendees = await attendeesJoin(hall.browser, hall.server.url, TITLE, ['あお', 'いろ', 'うみ']);
    const [a, b, c] = attendees as [HallPage, HallPage, HallPage];

    // The presenter's camera reaches every attendee through Janus.
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    for (const p of attendees) {
      await expect.poll(() => stageFrames(p), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    // The stage video has a name; an attendee can silence the stage and turn it back on.
    const video = c.page
      .getByRole('region', { name: c.t('briefing.stageLabel') })
      .getByLabel(c.t('briefing.stageVideo'));
    const mute = c.page.getByRole('button', { name: c.t('briefing.muteStage') });
    await mute.click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await mute.click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);

    await a.page.getByRole('button', { name: a.t('briefing.raiseHand') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.inviteOf', { name: 'あお' }) }).waitFor();
    // The moderator hears of the raised hand (announced in the live region).
    await host.page
      .getByText(host.t('briefing.handRaised', { name: 'あお' }))
      .first()
      .waitFor();
    await b.page.getByLabel(b.t('briefing.ask')).fill('ペットと避難できますか？');
    await b.page.getByRole('button', { name: b.t('briefing.send') }).click();
    await c.page
      .getByRole('button', { name: c.t('briefing.voteFor', { text: 'ペットと避難できますか？' }) })
      .click();
    await hostView.getByText(host.t('briefing.votes', { count: 1 })).waitFor();
    await hostView.getByRole('button', { name: host.t('briefing.pin') }).click();
    for (const p of attendees) {
      await p.page.getByRole('region', { name: TITLE }).getByText(p.t('briefing.pinned')).waitFor();
    }

    // The moderator invites the raised hand to speak: their microphone reaches the presenter and the
    // other attendees through Janus; ending their turn stops it.
    await hostView.getByRole('button', { name: host.t('briefing.inviteOf', { name: 'あお' }) }).click();
    await a.page.getByRole('button', { name: a.t('briefing.microphoneOn') }).click();
    for (const p of [host, b, c]) await expect.poll(() => stageVoices(p), { timeout: 20_000 }).toBe(1);
    await hostView.getByRole('button', { name: host.t('briefing.stopSpeakingOf', { name: 'あお' }) }).click();
    await a.page.getByRole('button', { name: a.t('briefing.microphoneOn') }).waitFor({ state: 'detached' });
    for (const p of [host, b]) await expect.poll(() => stageVoices(p), { timeout: 20_000 }).toBe(0);

    // The presenter shares the screen instead of the camera: frames keep coming.
    await hostView.getByRole('button', { name: host.t('briefing.shareScreen') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.stopSharing') }).waitFor();
    const before = await stageFrames(c);
    await expect.poll(() => stageFrames(c), { timeout: 10_000 }).toBeGreaterThan(before + 10);

    await host.page.screenshot({ path: `${SHOTS}/briefing-host-ja.png` });
    await c.page.screenshot({ path: `${SHOTS}/briefing-attendee-ja.png` });
    for (const p of [host, ...attendees]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    for (const p of [...attendees, host]) await p.close();
  });
});
