import { describe, expect, it } from 'vitest';
import { SHOTS, useHallInBrowser } from './support.ts';
import { attendeesJoin, hostJoins, hostStartsBriefing } from './pages/briefingFlows.ts';
import type { HallPage } from './pages/HallPage.ts';

const TITLE = '税の説明会';

/** The notice line every screen reader hears (and everyone reads) at the bottom of the page. */
const noticeOf = (p: HallPage) => p.page.locator('.notice-line');

/**
 * Who is in a briefing, as a host and the audience see it: everyone reads who is speaking; the speaker's
 * notice follows the end of their turn; the host finds anyone in the attendee list (by nickname) and
 * removes them — also someone who never raised a hand, or the author of a question.
 */
describe('briefing people: who is speaking, the attendee list, removing', () => {
  const hall = useHallInBrowser();

  it('attendees see who speaks; the turn ends for the speaker; the host removes from the list and from a question', async () => {
    const { host } = await hostStartsBriefing(hall.browser, hall.server.url, TITLE);
    const hostView = await hostJoins(host, TITLE);
    const attendees = await attendeesJoin(hall.browser, hall.server.url, TITLE, [
      'すずき',
      'たなか',
      'やまだ',
    ]);
    const [spammer, speaker, asker] = attendees as [HallPage, HallPage, HallPage];

    // The speaker raises a hand and is invited: every attendee reads their name.
    await speaker.page.getByRole('button', { name: speaker.t('briefing.raiseHand') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.inviteOf', { name: 'たなか' }) }).click();
    await expect.poll(() => noticeOf(speaker).textContent()).toBe(speaker.t('briefing.youMaySpeak'));
    for (const p of [spammer, asker, host]) {
      await p.page
        .getByRole('region', { name: TITLE })
        .getByText(p.t('briefing.speakingNow', { names: 'たなか' }))
        .waitFor();
    }
    await asker.page.screenshot({ path: `${SHOTS}/briefing-who-speaks-ja.png` });
    // The host ends the turn: the speaker is told so (no longer asked to speak); the name goes away.
    await hostView
      .getByRole('button', { name: host.t('briefing.stopSpeakingOf', { name: 'たなか' }) })
      .click();
    await expect.poll(() => noticeOf(speaker).textContent()).toBe(speaker.t('briefing.turnEnded'));
    await speaker.page.getByText(speaker.t('briefing.youMaySpeak')).waitFor({ state: 'detached' });
    await asker.page
      .getByText(asker.t('briefing.speakingNow', { names: 'たなか' }))
      .waitFor({ state: 'detached' });

    // Someone who only asks (never raised a hand) is in the host's attendee list: found by nickname and
    // removed from the keyboard, with a confirmation.
    await spammer.page.getByLabel(spammer.t('briefing.ask')).fill('宣伝です！今すぐこちらへ');
    await spammer.page.getByRole('button', { name: spammer.t('briefing.send') }).click();
    const list = hostView.getByRole('region', { name: host.t('briefing.attendeeList') });
    await list.getByRole('listitem').filter({ hasText: 'すずき' }).waitFor();
    await list.getByLabel(host.t('briefing.attendeeSearch')).fill('すず');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: host.t('briefing.removeOf', { name: 'すずき' }) }).focus();
    await host.page.keyboard.press('Enter');
    const confirm = list.getByRole('button', {
      name: host.t('briefing.removeConfirmOf', { name: 'すずき' }),
    });
    await expect.poll(() => confirm.evaluate((b) => b === document.activeElement)).toBe(true);
    await host.page.screenshot({ path: `${SHOTS}/briefing-attendee-list-ja.png` });
    await host.page.keyboard.press('Enter');
    await expect.poll(() => noticeOf(spammer).textContent()).toBe(spammer.t('briefing.removed'));
    await list.getByText(host.t('briefing.attendeesNone')).waitFor();

    // The author of a question is removed from the question itself.
    await list.getByLabel(host.t('briefing.attendeeSearch')).fill('');
    await asker.page.getByLabel(asker.t('briefing.ask')).fill('申告の期限はいつですか？');
    await asker.page.getByRole('button', { name: asker.t('briefing.send') }).click();
    const question = hostView.getByRole('listitem').filter({ hasText: '申告の期限はいつですか？' });
    await question.getByRole('button', { name: host.t('briefing.removeOf', { name: 'やまだ' }) }).click();
    await question
      .getByRole('button', { name: host.t('briefing.removeConfirmOf', { name: 'やまだ' }) })
      .click();
    await expect.poll(() => noticeOf(asker).textContent()).toBe(asker.t('briefing.removed'));
    await expect
      .poll(() => list.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('たなか')]);

    await speaker.page.screenshot({ path: `${SHOTS}/briefing-speaker-turn-ended-ja.png` });
    for (const p of [host, ...attendees]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    for (const p of [...attendees, host]) await p.close();
  });
});
