import type { Locator } from 'playwright-core';
import type { HallPage } from './HallPage.ts';

/** Fake camera and microphone, no permission prompt; media stays on this machine (loopback ICE). */
export const FAKE_MEDIA = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--auto-select-desktop-capture-source=Entire screen',
];

export type MediaMode = 'video' | 'audio';

/** The video call panel of the consultation room, found by its heading. */
export const mediaPanel = (p: HallPage): Locator =>
  p.page.getByRole('region', { name: p.t('media.heading') });

/** What this side receives from the other, from the receiver's statistics (the page's test hook). */
export const received = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.media);

/** Presses the button a person uses to switch on camera and microphone, or voice only. */
export async function switchOn(p: HallPage, mode: MediaMode): Promise<void> {
  await mediaPanel(p)
    .getByRole('button', { name: p.t(mode === 'video' ? 'media.startVideo' : 'media.startAudio') })
    .click();
}

/** The controls appear once the browser handed over the devices. */
export async function waitSwitchedOn(p: HallPage): Promise<void> {
  await mediaPanel(p)
    .getByRole('button', { name: p.t('media.mute') })
    .waitFor();
}

/**
 * Waits until `p` has decoded `more` video frames beyond what it had when called: the other side's
 * picture really arrives (each side of a consultation has exactly one peer).
 */
export async function picturesArrive(p: HallPage, more = 15, timeout = 30_000): Promise<void> {
  const start = (await received(p)).framesDecoded;
  await p.page.waitForFunction((n) => window.__cityHall!.media.framesDecoded > n, start + more, {
    timeout,
    polling: 250,
  });
}

/** Waits until `p` receives more audio bytes than it had: the other side's voice really arrives. */
export async function soundArrives(p: HallPage, more = 2000, timeout = 30_000): Promise<void> {
  const start = (await received(p)).audioBytesReceived;
  await p.page.waitForFunction((n) => window.__cityHall!.media.audioBytesReceived > n, start + more, {
    timeout,
    polling: 250,
  });
}

/** Waits until no new frame has arrived for a while (the receiver says so): the picture stopped. */
export async function picturesStop(p: HallPage, timeout = 15_000): Promise<void> {
  await p.page.waitForFunction(() => window.__cityHall!.media.picture === false, undefined, {
    timeout,
    polling: 250,
  });
}
