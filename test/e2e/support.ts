import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { launchBrowser } from '../support/browser.ts';

/**
 * Presses Tab (or Shift+Tab with `backwards`) until the focused element's accessible name (aria-label,
 * its <label>, else text) equals `name`. Proves the control is reachable from the keyboard in document order.
 */
export async function tabTo(page: Page, name: string, maxPresses = 150, backwards = false): Promise<number> {
  for (let i = 1; i <= maxPresses; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim();
    });
    if (focused === name) return i;
  }
  throw new Error(
    `"${name}" was not reachable with ${backwards ? 'Shift+' : ''}Tab in ${maxPresses} presses`,
  );
}

/**
 * Counts distinct colours in what the WebGL canvas really shows on screen (a screenshot of it, decoded
 * by the page itself): a blank or failed canvas has one or two.
 */
export async function canvasColourCount(page: Page): Promise<number> {
  const png = await page.locator('canvas').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const probe = document.createElement('canvas');
    probe.width = 96;
    probe.height = 54;
    const ctx = probe.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0, probe.width, probe.height);
    const data = ctx.getImageData(0, 0, probe.width, probe.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

export const SHOTS = 'test-results/e2e';

/**
 * The resident has chosen the full 3D view (unless they chose otherwise in the test). Several 3D pages on
 * one software-rendered machine are slow enough for the hall to switch to its light view by itself
 * (QualityGuard), which would change the page under a test about something else.
 */
export async function chooseFullView(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const display = JSON.parse(localStorage.getItem('city-hall.display') ?? '{}') as { light?: boolean };
    if (display.light === undefined)
      localStorage.setItem('city-hall.display', JSON.stringify({ ...display, light: false }));
  });
}

export interface HallUnderTest {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Registers beforeAll/afterAll for a describe block: a real server serving the e2e client build, and
 * one headless Chromium. Each test opens its own contexts (residents) from it.
 */
export function useHallInBrowser(
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
  browserArgs: string[] = [],
): HallUnderTest {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const extra = typeof env === 'function' ? await env() : env;
    server = await startTestServer({ CLIENT_DIR: 'dist/e2e-client', ...extra });
    browser = await launchBrowser(browserArgs);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started yet (use inside tests)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched yet (use inside tests)');
      return browser;
    },
  };
}
