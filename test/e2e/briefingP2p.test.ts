import { describe, expect, it } from 'vitest';
import { SHOTS, useHallInBrowser } from './support.ts';
import {
  STAGE_MEDIA_FLAGS,
  attendeesJoin,
  hostJoins,
  hostStartsBriefing,
  stageFrames,
  stageVoices,
} from './pages/briefingFlows.ts';
import { pdfWithPages } from '../support/pdf.ts';

const TITLE = '子育て支援説明会';

describe('a briefing without Janus: peer-to-peer to a few, slides for everyone', () => {
  const hall = useHallInBrowser(async () => ({ P2P_STAGE_VIEWERS: '2' }), STAGE_MEDIA_FLAGS);

  it('the host uploads a PDF; two viewers get video, the third is told why; pages turn for all; a speaker is heard', async () => {
    const { host, events } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE);
    await events.getByLabel(host.t('slides.upload')).setInputFiles({
      name: 'briefing.pdf',
      mimeType: 'application/pdf',
      buffer: pdfWithPages(['Child allowance: apply online', 'Nursery places: apply by March']),
    });
    await events.getByText(host.t('slides.uploaded')).waitFor({ timeout: 20_000 });
    const hostView = await hostJoins(host, TITLE);
    const attendees = await attendeesJoin(hall.browser, hall.server.url, TITLE, ['あお', 'いろ', 'うみ']);
    const [a, b, c] = attendees as [(typeof attendees)[0], (typeof attendees)[0], (typeof attendees)[0]];

    // The first two (the limit) receive the presenter's camera straight from the presenter's browser.
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    for (const p of [a, b]) await expect.poll(() => stageFrames(p), { timeout: 30_000 }).toBeGreaterThan(0);
    const cView = c.page.getByRole('region', { name: TITLE });
    await cView.getByText(c.t('briefing.noVideoForYou', { limit: 2 })).waitFor();
    await cView.getByText(c.t('briefing.p2pLimit', { limit: 2 })).waitFor();

    // Slides: everyone sees page 1 with its text for screen readers; the presenter turns the page.
    for (const p of attendees) {
      const slide = p.page.getByRole('figure', { name: p.t('slides.page', { page: 1, count: 2 }) });
      await slide.getByRole('img', { name: /Child allowance: apply online/ }).waitFor({ timeout: 15_000 });
    }
    await hostView.getByRole('button', { name: host.t('slides.next') }).click();
    for (const p of attendees) {
      const slide = p.page.getByRole('figure', { name: p.t('slides.page', { page: 2, count: 2 }) });
      await slide.getByRole('img', { name: /Nursery places/ }).waitFor();
    }
    // From the keyboard: PageUp on the slide goes back.
    await hostView.getByRole('figure', { name: host.t('slides.page', { page: 2, count: 2 }) }).focus();
    await host.page.keyboard.press('PageUp');
    await c.page.getByRole('figure', { name: c.t('slides.page', { page: 1, count: 2 }) }).waitFor();
    const shown = await a.page
      .getByRole('img', { name: /Child allowance/ })
      .evaluate((i: HTMLImageElement) => i.naturalWidth);
    expect(shown).toBeGreaterThan(1000);
    await c.page.screenshot({ path: `${SHOTS}/briefing-p2p-limited-ja.png` });

    // The third attendee raises a hand and is invited: the presenter hears them and forwards the voice.
    await c.page.getByRole('button', { name: c.t('briefing.raiseHand') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.inviteOf', { name: 'うみ' }) }).click();
    await c.page.getByRole('button', { name: c.t('briefing.microphoneOn') }).click();
    // The third attendee had no link to the presenter: it is set up from nothing (ICE, DTLS) before the
    // presenter hears them and renegotiates with both viewers, as long as a first video link may take.
    for (const p of [host, a, b]) await expect.poll(() => stageVoices(p), { timeout: 30_000 }).toBe(1);

    // A viewer leaves: the next in line takes the place and receives the video.
    await hostView.getByRole('button', { name: host.t('briefing.stopSpeakingOf', { name: 'うみ' }) }).click();
    for (const p of [host, a, b]) await expect.poll(() => stageVoices(p), { timeout: 20_000 }).toBe(0);
    await a.close();
    await expect.poll(() => stageFrames(c), { timeout: 30_000 }).toBeGreaterThan(0);
    await c.page.screenshot({ path: `${SHOTS}/briefing-p2p-slides-ja.png` });
    await host.page.screenshot({ path: `${SHOTS}/briefing-p2p-host-ja.png` });
    for (const p of [host, b, c]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    for (const p of [b, c, host]) await p.close();
  });
});
