import { chromium, type Browser, type ConsoleMessage, type Page, type Request } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. Override with CHROMIUM_PATH where it lives elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium for tests. WebGL runs in software (SwiftShader). Background networking is off:
 * this machine has no internet, and the tests must prove the page needs none.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      ...extraArgs,
    ],
  });
}

/** Collects console errors and failed requests so a test can assert the page ran cleanly. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A request still in flight when the test goes to another page is cancelled by Chromium (ERR_ABORTED):
  // the test's doing, not the page's. Any other failure, or an abort without a navigation, counts.
  let navigations = 0;
  const startedAt = new WeakMap<Request, number>();
  page.on('request', (r) => {
    // Counted when the next page is asked for, which comes before the old page's requests are cancelled.
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    startedAt.set(r, navigations);
  });
  page.on('requestfailed', (r) => {
    const failure = r.failure()?.errorText ?? '';
    if (failure === 'net::ERR_ABORTED' && (startedAt.get(r) ?? navigations) < navigations) return;
    errors.push(`requestfailed: ${r.url()} ${failure}`);
  });
  return errors;
}
