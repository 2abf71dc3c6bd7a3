import { describe, expect, it } from 'vitest';
import type { HallPage } from './pages/HallPage.ts';
import { SHOTS } from './support.ts';
import { presenterOnAir, stageFrames, useHallWithJanus } from './pages/briefingFlows.ts';

const TITLE = '子育て支援の説明会';

const feedsOf = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.stageFeeds);

/**
 * The presenter's connection to the briefing drops (a weak link, a machine too busy to answer pings)
 * while hundreds watch. Short: they come back on the same seat and the stage never stops. Longer than
 * the grace time: they join again as a new member, and their camera goes back on stage by itself.
 */
describe('the presenter loses the briefing connection', () => {
  // Short, so that the second case (gone longer than the grace time) takes seconds, not half a minute.
  const hall = useHallWithJanus({ RECONNECT_GRACE_S: '2' });

  it('a short drop keeps the stage; a long one puts the presenter back on it without a second press', async () => {
    const { host, hostView, attendees } = await presenterOnAir(hall.browser, hall.server.url, TITLE, [
      'はる',
    ]);
    const a = attendees[0]!;
    const [feed] = await feedsOf(a);
    expect(feed).toBeGreaterThan(0);

    // A drop shorter than the grace time: the same member, the same feed, frames keep coming.
    await host.page.evaluate(() => window.__cityHall!.dropBriefing());
    const before = await stageFrames(a);
    await expect.poll(() => stageFrames(a), { timeout: 10_000 }).toBeGreaterThan(before + 20);
    expect(await feedsOf(a)).toEqual([feed]);
    expect(await host.page.getByText(host.t('briefing.reconnecting')).count()).toBe(0);
    expect(await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).count()).toBe(0);

    // The network is gone longer than the grace time: the seat is lost, and so is the stage.
    await host.context.setOffline(true);
    await host.page.evaluate(() => window.__cityHall!.dropBriefing());
    await host.page.getByText(host.t('briefing.reconnecting')).first().waitFor({ timeout: 15_000 });
    await host.context.setOffline(false);
    await host.page.getByText(host.t('briefing.backOnStage')).first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await feedsOf(a)).length, { timeout: 15_000 }).toBe(1);
    expect((await feedsOf(a))[0]).not.toBe(feed);
    const after = await stageFrames(a);
    await expect.poll(() => stageFrames(a), { timeout: 20_000 }).toBeGreaterThan(after + 20);
    await hostView.getByRole('button', { name: host.t('briefing.shareScreen') }).waitFor();
    await host.page.screenshot({ path: `${SHOTS}/briefing-back-on-stage-ja.png` });
  });
});
