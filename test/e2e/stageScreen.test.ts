import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS } from './support.ts';
import { HallPage } from './pages/HallPage.ts';
import { hostJoins, hostStartsBriefing, useHallWithJanus } from './pages/briefingFlows.ts';
import { pdfWithPages } from '../support/pdf.ts';
import { SCREEN_FPS } from '../../client/src/scene/qualityTiers.ts';

const TITLE = '防災スクリーン説明会';

const screen = (page: Page) => page.evaluate(() => window.__cityHall!.stageScreen);
const screenFrames = (page: Page) => page.evaluate(() => window.__cityHall!.stageScreenFrames);
const drawing = (page: Page) =>
  page.evaluate(() => ({
    at: performance.now(),
    drawn: window.__cityHall!.framesDrawn,
    uploaded: window.__cityHall!.stageScreenFrames,
  }));

/**
 * Seated in the 3D auditorium, an attendee watches the briefing on the screen over the stage: the
 * current slide, and the presenter's camera beside it once they are on stage (a video texture fed
 * through Janus). The side panel keeps the briefing's words and controls, and plays the sound.
 */
describe('the stage screen in the 3D auditorium', () => {
  const hall = useHallWithJanus();

  it("shows the slide, then the presenter's video beside it, while the attendee is in the briefing; nothing after", async () => {
    const { host, events } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE);
    await events.getByLabel(host.t('slides.upload')).setInputFiles({
      name: 'screen.pdf',
      mimeType: 'application/pdf',
      buffer: pdfWithPages(['Shelters: where to go', 'Supplies: three days']),
    });
    await events.getByText(host.t('slides.uploaded')).waitFor({ timeout: 20_000 });
    const hostView = await hostJoins(host, TITLE);

    const a = await HallPage.open(hall.browser, hall.server.url, 'ja');
    const glErrors: string[] = [];
    a.page.on('console', (m) => {
      if (/GL_INVALID|WebGL:/.test(m.text())) glErrors.push(m.text());
    });
    await a.enter('みどり', '緑');
    await a.waitForScene();
    expect(await screen(a.page)).toEqual({ shown: false, video: false, slide: null });

    await a.page
      .getByRole('region', { name: a.t('events.heading') })
      .getByRole('button', { name: a.t('events.join', { title: TITLE }) })
      .click();
    // The hall stays in 3D; the briefing moves to the side panel beside it.
    const side = a.page.getByRole('complementary', { name: a.t('hud.sideLabel') });
    const briefing = side.getByRole('region', { name: TITLE });
    await briefing.getByText(/講堂の座席/).waitFor({ timeout: 20_000 });
    await a.page.getByRole('application', { name: a.t('scene.label') }).waitFor();

    // Before the presenter is on stage: page 1 on the screen, no video.
    await expect.poll(async () => (await screen(a.page)).slide, { timeout: 20_000 }).toBeTruthy();
    const page1 = (await screen(a.page)).slide;
    expect((await screen(a.page)).video).toBe(false);
    expect(await screenFrames(a.page)).toBe(0);

    // On stage: the presenter's camera appears beside the slide, and its frames keep arriving.
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    await expect.poll(() => screen(a.page), { timeout: 30_000 }).toMatchObject({ shown: true, video: true });
    await expect.poll(() => screenFrames(a.page), { timeout: 20_000 }).toBeGreaterThan(20);

    // The panel: no second picture of the presenter, a word on where it is, the slide's text for screen readers.
    await briefing.getByText(a.t('briefing.onStageScreen')).waitFor();
    expect(await briefing.getByLabel(a.t('briefing.stageVideo'), { exact: true }).count()).toBe(0);
    await briefing
      .getByRole('figure', { name: a.t('slides.page', { page: 1, count: 2 }) })
      .getByRole('img', { name: /Shelters: where to go/ })
      .waitFor({ timeout: 15_000 });

    // The presenter turns the page: the screen follows.
    await hostView.getByRole('button', { name: host.t('slides.next') }).click();
    await expect.poll(async () => (await screen(a.page)).slide, { timeout: 15_000 }).not.toBe(page1);
    expect((await screen(a.page)).slide).toBeTruthy();

    // Seated and still, only the video asks for frames: no more than the screen's cap a second.
    await a.page.waitForFunction(() => !window.__cityHall!.walking, undefined, { timeout: 60_000 });
    const start = await drawing(a.page);
    await expect
      .poll(async () => (await drawing(a.page)).uploaded, { timeout: 20_000 })
      .toBeGreaterThan(start.uploaded + 30);
    const end = await drawing(a.page);
    const perSecond = (end.drawn - start.drawn) / ((end.at - start.at) / 1000);
    expect(perSecond).toBeLessThanOrEqual(SCREEN_FPS + 2);
    await a.page.screenshot({ path: `${SHOTS}/stage-screen-3d-ja.png` });

    // The presenter shares a screen instead of the camera: a picture of another size, the same texture.
    await hostView.getByRole('button', { name: host.t('briefing.shareScreen') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.stopSharing') }).waitFor();
    const shared = await screenFrames(a.page);
    await expect.poll(() => screenFrames(a.page), { timeout: 20_000 }).toBeGreaterThan(shared + 10);

    // Leaving the briefing takes the screen down.
    await briefing.getByRole('button', { name: a.t('briefing.leave') }).click();
    await expect
      .poll(() => screen(a.page), { timeout: 15_000 })
      .toEqual({ shown: false, video: false, slide: null });

    expect(glErrors, glErrors.join('\n')).toEqual([]);
    for (const p of [host, a]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    await a.close();
    await host.close();
  });
});
