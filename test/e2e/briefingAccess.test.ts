import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS } from './support.ts';
import {
  useHallWithJanus,
  attendeesJoin,
  hostJoins,
  hostStartsBriefing,
  staffSignsIn,
} from './pages/briefingFlows.ts';
import type { HallPage } from './pages/HallPage.ts';

const TITLE = '手話と字幕の説明会';

/** Decoded width of a named video, 0 until frames arrive. */
const videoWidth = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .evaluate((v: HTMLVideoElement) => v.videoWidth)
    .catch(() => 0);

/** The briefing's staff region as a captioner or interpreter joins it from the events list. */
async function staffJoins(p: HallPage, roleText: string) {
  await p.page
    .getByRole('region', { name: p.t('events.heading') })
    .getByRole('button', { name: p.t('events.join', { title: TITLE }) })
    .click();
  const view = p.page.getByRole('region', { name: TITLE });
  await view.getByText(roleText).waitFor();
  return view;
}

/**
 * A briefing everyone can follow: a captioner (要約筆記) types captions that every attendee reads under
 * the stage with their history, in the 2D view; a sign-language interpreter is pinned beside the
 * presenter as a second video through Janus.
 */
describe('captions and a sign-language interpreter', () => {
  const hall = useHallWithJanus();

  it('the interpreter is pinned beside the presenter; captions reach the attendee one after the other', async () => {
    const { host } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE, {
      captioners: 'demo-staff',
      interpreters: 'demo-staff2',
    });
    const hostView = await hostJoins(host, TITLE);
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    const captioner = await staffSignsIn(hall.browser, hall.server.url, 'demo-staff');
    const captionerView = await staffJoins(captioner, captioner.t('briefing.role.captioner'));
    const interpreter = await staffSignsIn(hall.browser, hall.server.url, 'demo-staff2');
    const interpreterView = await staffJoins(interpreter, interpreter.t('briefing.role.interpreter'));
    await interpreterView.getByRole('button', { name: interpreter.t('briefing.goOnStage') }).click();
    const [a] = (await attendeesJoin(hall.browser, hall.server.url, TITLE, ['あすか'])) as [HallPage];

    // Two videos on the attendee's stage: the presenter's and the interpreter's, each named.
    await expect
      .poll(() => videoWidth(a.page, a.t('briefing.stageVideo')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => videoWidth(a.page, a.t('briefing.interpreterVideo')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // The interpreter sees the presenter (to interpret) and themselves beside them.
    await expect
      .poll(() => videoWidth(interpreter.page, interpreter.t('briefing.stageVideo')), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // The captioner types a line, the presenter talks on, then the next line.
    const input = captionerView.getByLabel(captioner.t('briefing.captionInput'));
    await input.fill('これから防災の説明を始めます。');
    await input.press('Enter');
    const captions = a.page.getByRole('region', { name: a.t('briefing.captions') });
    await captions.getByText('これから防災の説明を始めます。').first().waitFor();
    await input.fill('まず、避難所の場所を確認しましょう。');
    await captionerView.getByRole('button', { name: captioner.t('briefing.captionSend') }).click();
    await expect
      .poll(() => captions.locator('.caption-now').textContent())
      .toBe('まず、避難所の場所を確認しましょう。');
    const history = captions.getByRole('log', { name: a.t('briefing.captionHistory') });
    expect(await history.getByRole('listitem').allTextContents()).toEqual([
      'これから防災の説明を始めます。',
      'まず、避難所の場所を確認しましょう。',
    ]);
    // Attendees have no caption input.
    expect(await captions.getByLabel(a.t('briefing.captionInput')).count()).toBe(0);
    await a.page.setViewportSize({ width: 1280, height: 1600 });
    await a.page.screenshot({ path: `${SHOTS}/briefing-captions-interpreter-ja.png` });
    for (const p of [host, captioner, interpreter, a]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    for (const p of [a, interpreter, captioner, host]) await p.close();
  });
});
