import type { Browser } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { useHallInBrowser } from '../support.ts';
import { startJanus, type RunningJanus } from '../../support/janus.ts';
import { HallPage } from './HallPage.ts';

/** Fake camera and microphone, no prompts, screen capture picks the screen; media stays on loopback. */
export const STAGE_MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--auto-select-desktop-capture-source=Entire screen',
];

/** The hall and a browser with fake camera and microphone, with a Janus SFU of its own for the stage. */
export function useHallWithJanus(env: Record<string, string> = {}) {
  let janus: RunningJanus | undefined;
  // Registered first, so it runs after the server has stopped (hooks run in reverse): a server still
  // withdrawing tokens from a Janus already gone logs a warning per member.
  afterAll(async () => janus?.stop());
  const hall = useHallInBrowser(async () => {
    janus = await startJanus();
    return { ...janus.env, ...env };
  }, STAGE_MEDIA_FLAGS);
  return {
    get server() {
      return hall.server;
    },
    get browser() {
      return hall.browser;
    },
    get janus() {
      if (!janus) throw new Error('Janus not started yet (use inside tests)');
      return janus;
    },
  };
}

/** A member of staff signs in at /staff (2D view) with a demo account. */
export async function staffSignsIn(browser: Browser, url: string, username: string): Promise<HallPage> {
  const p = await HallPage.open(browser, url, 'ja', '/staff?no3d');
  await p.page.getByLabel(p.t('staff.username')).fill(username);
  await p.page.getByLabel(p.t('staff.password')).fill('demo-password');
  await p.page.getByRole('button', { name: p.t('staff.signIn') }).click();
  await p.waitForReady();
  return p;
}

/**
 * A host signs in at /staff (2D view), creates a briefing starting now (with the staff who caption and
 * interpret it, when given) and starts it; returns the page.
 */
export async function hostStartsBriefing(
  browser: Browser,
  url: string,
  title: string,
  support: { captioners?: string; interpreters?: string } = {},
) {
  const host = await staffSignsIn(browser, url, 'demo-host');
  const console = host.page.getByRole('region', { name: host.t('staff.console') });
  await console.getByText(host.t('events.create')).click();
  const local = await host.page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await console.getByLabel(host.t('events.titleJa')).fill(title);
  await console.getByLabel(host.t('events.titleEn')).fill(`${title} (English)`);
  await console.getByLabel(host.t('events.descJa')).fill('避難所と備蓄について');
  await console.getByLabel(host.t('events.descEn')).fill('Shelters and supplies');
  await console.getByLabel(host.t('slots.startsAt')).fill(local);
  if (support.captioners) await console.getByLabel(host.t('events.captioners')).fill(support.captioners);
  if (support.interpreters)
    await console.getByLabel(host.t('events.interpreters')).fill(support.interpreters);
  await console.getByRole('button', { name: host.t('events.createSubmit') }).click();
  await console.getByText(host.t('events.created')).waitFor();
  const events = host.page.getByRole('region', { name: host.t('events.heading') });
  return { host, events };
}

/** The host joins the live briefing (as its presenter); returns the briefing region. */
export async function hostJoins(host: HallPage, title: string) {
  const events = host.page.getByRole('region', { name: host.t('events.heading') });
  await events.getByRole('button', { name: host.t('events.start') }).click();
  await events.getByRole('button', { name: host.t('events.join', { title }) }).click();
  const view = host.page.getByRole('region', { name: title });
  await view.getByText(host.t('briefing.role.presenter')).waitFor();
  return view;
}

/** Residents enter the hall (the 2D view unless another path is given) and join the live briefing from the side panel. */
export async function attendeesJoin(
  browser: Browser,
  url: string,
  title: string,
  names: string[],
  path = '/?no3d',
) {
  const attendees: HallPage[] = [];
  for (const name of names) {
    const p = await HallPage.open(browser, url, 'ja', path);
    await p.enter(name, '青');
    await p.page
      .getByRole('region', { name: p.t('events.heading') })
      .getByRole('button', { name: p.t('events.join', { title }) })
      .click();
    await p.page
      .getByRole('region', { name: title })
      .getByText(/講堂の座席/)
      .waitFor();
    attendees.push(p);
  }
  return attendees;
}

/**
 * The host starts a briefing, joins it and goes on stage; residents join (2D view) and the first of them
 * receives the picture.
 */
export async function presenterOnAir(browser: Browser, url: string, title: string, names: string[]) {
  const { host } = await hostStartsBriefing(browser, url, title);
  const hostView = await hostJoins(host, title);
  const attendees = await attendeesJoin(browser, url, title, names);
  await hostView.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
  await expect.poll(() => stageFrames(attendees[0]!), { timeout: 30_000 }).toBeGreaterThan(0);
  return { host, hostView, attendees };
}

export const stageFrames = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.stageFrames);
export const stageVoices = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.stageVoices);
