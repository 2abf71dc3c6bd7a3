import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { afterAll } from 'vitest';
import { SHOTS, useHallInBrowser } from './support.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';

const TITLE = '防災説明会';

const FAKE_MEDIA = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

describe('a briefing through the Janus SFU: a host and three attendees', () => {
  let janus: RunningJanus | undefined;
  const hall = useHallInBrowser(async () => {
    janus = await startJanus();
    return { JANUS_URL: janus.url };
  }, FAKE_MEDIA);
  afterAll(async () => janus?.stop());

  it('host creates and starts it; attendees join and receive the stage video, raise a hand, ask; the host pins', async () => {
    const host = await HallPage.open(hall.browser, hall.server.url, 'ja', '/staff?no3d');
    await host.page.getByLabel(host.t('staff.username')).fill('demo-host');
    await host.page.getByLabel(host.t('staff.password')).fill('demo-password');
    await host.page.getByRole('button', { name: host.t('staff.signIn') }).click();
    await host.waitForReady();
    const console = host.page.getByRole('region', { name: host.t('staff.console') });
    await console.getByText(host.t('events.create')).click();
    const local = await host.page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await console.getByLabel(host.t('events.titleJa')).fill(TITLE);
    await console.getByLabel(host.t('events.titleEn')).fill('Disaster preparedness briefing');
    await console.getByLabel(host.t('events.descJa')).fill('避難所と備蓄について');
    await console.getByLabel(host.t('events.descEn')).fill('Shelters and supplies');
    await console.getByLabel(host.t('slots.startsAt')).fill(local);
    await console.getByRole('button', { name: host.t('events.createSubmit') }).click();
    await console.getByText(host.t('events.created')).waitFor();
    const events = host.page.getByRole('region', { name: host.t('events.heading') });
    await events.getByRole('button', { name: host.t('events.start') }).click();
    await events.getByRole('button', { name: host.t('events.join', { title: TITLE }) }).click();
    const hostView = host.page.getByRole('region', { name: TITLE });
    await hostView.getByText(host.t('briefing.role.presenter')).waitFor();

    const attendees: HallPage[] = [];
    for (const name of ['あお', 'いろ', 'うみ']) {
      const p = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
      await p.enter(name, '青');
      await p.page
        .getByRole('region', { name: p.t('events.heading') })
        .getByRole('button', { name: p.t('events.join', { title: TITLE }) })
        .click();
      await p.page
        .getByRole('region', { name: TITLE })
        .getByText(/講堂の座席/)
        .waitFor();
      attendees.push(p);
    }
    const [a, b, c] = attendees as [HallPage, HallPage, HallPage];

    // The presenter's camera reaches every attendee through Janus.
    await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
    for (const p of attendees) {
      await expect
        .poll(() => p.page.evaluate(() => window.__cityHall!.stageFrames), { timeout: 30_000 })
        .toBeGreaterThan(0);
    }
    await a.page.getByRole('button', { name: a.t('briefing.raiseHand') }).click();
    await hostView.getByRole('button', { name: host.t('briefing.inviteOf', { name: 'あお' }) }).waitFor();
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
    await host.page.screenshot({ path: `${SHOTS}/briefing-host-ja.png` });
    await c.page.screenshot({ path: `${SHOTS}/briefing-attendee-ja.png` });
    for (const p of [host, ...attendees]) expect(p.errors, p.errors.join('\n')).toEqual([]);
    for (const p of [...attendees, host]) await p.close();
  });
});
