import { afterAll, describe, expect, it } from 'vitest';
import type { HallPage } from './pages/HallPage.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import {
  STAGE_MEDIA_FLAGS,
  attendeesJoin,
  hostJoins,
  hostStartsBriefing,
  stageFrames,
} from './pages/briefingFlows.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { settle } from '../support/waitFor.ts';
import { createJanusClient } from '../../server/src/media/janusClient.ts';

const TITLE = '年金の説明会';

/**
 * For weak connections: the presenter's camera goes to Janus in several sizes (simulcast), so each
 * attendee can get the one their connection carries; and an attendee can turn the video off (sound and
 * slides only), which makes Janus stop sending it, not just hides it.
 */
describe('a briefing for weak connections', () => {
  let janus: RunningJanus | undefined;
  const hall = useHallInBrowser(async () => {
    janus = await startJanus();
    return janus.env;
  }, STAGE_MEDIA_FLAGS);
  afterAll(async () => janus?.stop());

  it('the camera is sent in several sizes; an attendee turns the video off and on from the keyboard', async () => {
    const { host } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE);
    const hostView = await hostJoins(host, TITLE);
    const [a] = (await attendeesJoin(hall.browser, hall.server.url, TITLE, ['あお'])) as [HallPage];
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    await expect.poll(() => stageFrames(a), { timeout: 30_000 }).toBeGreaterThan(0);

    // Janus receives the presenter's video as simulcast.
    const stage = await hall.server.db
      .selectFrom('events')
      .select(['stage_room', 'stage_pin'])
      .where('status', '=', 'live')
      .executeTakeFirstOrThrow();
    const rooms = createJanusClient(janus!.url, janus!.apiSecret);
    const [presenter] = (await rooms.participants(stage.stage_room!)).filter((p) => p.publisher);
    const streams = await rooms.publishedStreams(
      stage.stage_room!,
      stage.stage_pin!,
      presenter!.id,
      2 ** 47 + 1,
    );
    expect(streams?.find((s) => s.type === 'video')).toMatchObject({ simulcast: true });

    // The host runs the briefing and sends the picture: no such switch for them.
    expect(await hostView.getByRole('button', { name: host.t('briefing.audioOnly') }).count()).toBe(0);
    const toggle = a.page.getByRole('button', { name: a.t('briefing.audioOnly') });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await a.page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await a.page.getByText(a.t('briefing.audioOnlyOn')).first().waitFor();
    await a.page.screenshot({ path: `${SHOTS}/briefing-audio-only-ja.png` });
    // No more video frames arrive (what was in flight is decoded first).
    await settle(1000);
    const frozen = await stageFrames(a);
    await settle(2500);
    expect(await stageFrames(a)).toBe(frozen);

    await a.page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => stageFrames(a), { timeout: 10_000 }).toBeGreaterThan(frozen + 10);
  });
});
