import { describe, expect, it } from 'vitest';
import { SHOTS } from './support.ts';
import { presenterOnAir, stageFrames, useHallWithJanus } from './pages/briefingFlows.ts';
import { settle } from '../support/waitFor.ts';
import { createJanusClient } from '../../server/src/media/janusClient.ts';

const TITLE = '年金の説明会';

/**
 * For weak connections: the presenter's camera goes to Janus in several sizes (simulcast), so each
 * attendee can get the one their connection carries; and an attendee can turn the video off (sound and
 * slides only), which makes Janus stop sending it, not just hides it.
 */
describe('a briefing for weak connections', () => {
  const hall = useHallWithJanus();

  it('the camera is sent in several sizes; an attendee turns the video off and on from the keyboard', async () => {
    const { host, hostView, attendees } = await presenterOnAir(hall.browser, hall.server.url, TITLE, [
      'あお',
    ]);
    const a = attendees[0]!;

    // Janus receives the presenter's video as simulcast.
    const stage = await hall.server.db
      .selectFrom('events')
      .select(['stage_room', 'stage_pin'])
      .where('status', '=', 'live')
      .executeTakeFirstOrThrow();
    const rooms = createJanusClient(hall.janus.url, hall.janus.apiSecret);
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
    // What was in flight is decoded first: wait until a second passes without a new frame, then no more come.
    const stillFor = async (ms: number) => {
      const n = await stageFrames(a);
      await settle(ms);
      return (await stageFrames(a)) === n;
    };
    await expect.poll(() => stillFor(1000), { timeout: 10_000 }).toBe(true);
    const frozen = await stageFrames(a);
    await settle(2500);
    expect(await stageFrames(a)).toBe(frozen);

    await a.page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => stageFrames(a), { timeout: 10_000 }).toBeGreaterThan(frozen + 10);
  });
});
