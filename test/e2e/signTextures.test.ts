import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { framesDrawn, untilStill } from './pages/standAt.ts';
import { SHOTS, useHallInBrowser } from './support.ts';
import { loadDictionary, translate } from '../../client/src/i18n/translate.ts';
import type { Language } from '../../shared/constants.ts';

/**
 * Signs are canvas textures whose width follows their text. three.js gives a texture its GPU storage
 * once, so a sign redrawn wider into the same texture overflowed it (Chromium logs GL_INVALID_VALUE)
 * and kept parts of its old text. Every sign is redrawn when the web font arrives and when the
 * language changes: both must leave WebGL without an error.
 */
describe('signs redrawn with text of another length', () => {
  const hall = useHallInBrowser();

  it('the web font arriving and three language switches redraw every sign without a WebGL error', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    const glErrors: string[] = [];
    // Chromium reports WebGL errors as console warnings, which the page's error watch does not collect.
    p.page.on('console', (m) => {
      if (/GL_INVALID|WebGL:/.test(m.text())) glErrors.push(m.text());
    });
    await p.enter('かんばん', '青');
    await p.waitForScene();
    await p.page.waitForFunction(() => document.fonts.status === 'loaded');

    let lang: Language = 'ja';
    for (const next of ['en', 'vi', 'ja'] as const) {
      await loadDictionary(next);
      const before = await framesDrawn(p.page);
      await p.page.getByRole('combobox', { name: translate(lang, 'hud.language') }).selectOption(next);
      lang = next;
      await p.page.getByRole('combobox', { name: translate(lang, 'hud.language') }).waitFor();
      // Redrawn signs ask for frames of their own; these frames upload the new textures.
      await expect.poll(() => framesDrawn(p.page), { timeout: 20_000 }).toBeGreaterThan(before);
      await p.page.waitForFunction(() => document.fonts.status === 'loaded');
    }
    // Every sign redrawn asked for a frame, which uploaded its texture: once none is left to draw, all of
    // them are on the GPU, and any WebGL error they caused has been logged.
    await untilStill(p.page);
    await p.page.screenshot({ path: `${SHOTS}/signs-after-language-switches-ja.png` });

    expect(glErrors, glErrors.join('\n')).toEqual([]);
    expect(p.errors, p.errors.join('\n')).toEqual([]);
    await p.close();
  });
});
