import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { standAt } from './pages/standAt.ts';
import { useHallInBrowser } from './support.ts';
import { loadDictionary, translate } from '../../client/src/i18n/translate.ts';
import type { Language } from '../../shared/constants.ts';

const SCREENS = 'test-results/screens';

const signLines = (page: Page, id: string) =>
  page.evaluate((sign) => window.__cityHall!.signs.find((s) => s.id === sign)?.lines ?? null, id);

/**
 * The hanging area signs name each counter area with its range of counter numbers (taken from the
 * layout), in the resident's language with the Japanese beneath, and follow a language switch.
 * Screenshots from the entrance and the middle of the lobby are kept to be looked at for readability.
 */
describe('hanging area signs', () => {
  const hall = useHallInBrowser();

  it('show the counter range in the chosen language, Japanese beneath, through ja → en → vi', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enter('あんない', '青');
    await p.waitForScene();
    await p.page.waitForFunction(() => document.fonts.status === 'loaded');

    const expected: Record<string, { a: string[]; b: string[]; exit: string }> = {
      ja: {
        a: ['1〜5番 窓口エリアA', 'No. 1–5 Counters A', '緑の線・green line'],
        b: ['6〜10番 窓口エリアB', 'No. 6–10 Counters B', 'オレンジの線・orange line'],
        exit: '出口',
      },
      en: {
        a: ['No. 1–5 Counters A', '1〜5番 窓口エリアA', 'green line・緑の線'],
        b: ['No. 6–10 Counters B', '6〜10番 窓口エリアB', 'orange line・オレンジの線'],
        exit: 'Exit',
      },
      vi: {
        a: ['Quầy số 1–5 · Khu quầy A', '1〜5番 窓口エリアA', 'vạch xanh lá・緑の線'],
        b: ['Quầy số 6–10 · Khu quầy B', '6〜10番 窓口エリアB', 'vạch cam・オレンジの線'],
        exit: 'Lối ra',
      },
    };

    let lang: Language = 'ja';
    for (const next of ['ja', 'en', 'vi'] as const) {
      if (next !== lang) {
        await loadDictionary(next);
        await p.page.getByRole('combobox', { name: translate(lang, 'hud.language') }).selectOption(next);
        lang = next;
        await p.page.getByRole('combobox', { name: translate(lang, 'hud.language') }).waitFor();
        await p.page.waitForFunction(() => document.fonts.status === 'loaded');
      }
      const want = expected[next]!;
      await expect.poll(() => signLines(p.page, 'area-counters-a'), { timeout: 20_000 }).toEqual(want.a);
      expect(await signLines(p.page, 'area-counters-b')).toEqual(want.b);
      expect(await signLines(p.page, 'area-counters-b-entrance')).toEqual(want.b);
      expect((await signLines(p.page, 'exit'))?.[0]).toBe(want.exit);
      // Every sign speaks the new language: none still shows another one's main line.
      const all = await p.page.evaluate(() => window.__cityHall!.signs);
      expect(all.length).toBeGreaterThanOrEqual(8);
      // Counter-area signs also name their floor line (in the colour band); the others have two lines.
      for (const s of all) {
        expect(s.lines, s.id).toHaveLength(s.id.startsWith('area-counters') ? 3 : 2);
        expect(s.lines[0], s.id).not.toBe(s.lines[1]);
      }

      await standAt(p.page, 0, 17);
      await p.page.screenshot({ path: `${SCREENS}/lobby-entrance-signs-${next}.png` });
      await standAt(p.page, 0, 10);
      await p.page.screenshot({ path: `${SCREENS}/lobby-middle-signs-${next}.png` });
    }
    // The exit sign faces into the hall: seen by whoever turns round towards the way out (Q, eight times).
    await p.page.locator('.scene').focus();
    for (let i = 0; i < 8; i++) await p.page.keyboard.press('q');
    await p.page.waitForFunction(() => Math.abs(Math.abs(window.__cityHall!.view.yaw) - Math.PI) < 0.01);
    await standAt(p.page, 0, 12);
    await p.page.screenshot({ path: `${SCREENS}/lobby-facing-exit-signs-vi.png` });
    expect(p.errors, p.errors.join('\n')).toEqual([]);
    await p.close();
  });

  it('stay in the light view, which drops only the waiting-area signs', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enter('かるい', '青');
    await p.waitForScene();
    const ids = () => p.page.evaluate(() => window.__cityHall!.signs.map((s) => s.id).sort());
    await expect.poll(ids, { timeout: 20_000 }).toContain('waiting-counters-a');
    await p.page.getByRole('banner').getByText(p.t('display.heading')).click();
    await p.page
      .getByRole('banner')
      .getByRole('checkbox', { name: p.t('display.light') })
      .check();
    // The scene is mounted afresh for the light view: wait for its signs, not the gap between the two.
    await expect
      .poll(async () => (await ids()).some((id) => id.startsWith('waiting-')) || (await ids()).length < 5, {
        timeout: 20_000,
      })
      .toBe(false);
    const light = await ids();
    for (const id of ['area-counters-a', 'area-counters-b', 'area-auditorium', 'area-consultation', 'exit'])
      expect(light).toContain(id);
    expect(light.filter((id) => id.startsWith('waiting-'))).toEqual([]);
    await p.page.screenshot({ path: `${SCREENS}/lobby-entrance-signs-light-ja.png` });
    expect(p.errors, p.errors.join('\n')).toEqual([]);
    await p.close();
  });
});
