import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { useHallInBrowser } from './support.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { guideLineName } from '../../client/src/i18n/guideColorName.ts';
import { localized } from '../../client/src/i18n/translate.ts';

const SCREENS = 'test-results/screens';
const layout = hallFromFile().layout;

type DrawnLine = { areaId: string; from: string; color: string; highlighted: boolean };
const drawnLines = (p: HallPage) => p.page.evaluate(() => window.__cityHall!.guideLines as DrawnLine[]);
const highlightedIn2d = (p: HallPage) =>
  p.page
    .locator('svg [data-guide-line][data-highlighted="true"]')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-guide-line')));

async function search(p: HallPage, words: string): Promise<void> {
  await p.page
    .getByRole('searchbox', { name: p.t('search.label') })
    .first()
    .fill(words);
  await p.page.keyboard.press('Enter');
}

describe('floor guidance lines: drawn, named, and the one "take me there" follows highlighted', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });

  it('3D then 2D, Japanese: taking the resident to 1番 highlights the green line to 窓口エリアA and names it', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enter('みどり', '紫');
    await p.waitForScene();
    await p.page.waitForFunction(() => window.__cityHall!.guideLines.length > 0);
    const before = await drawnLines(p);
    expect(before.map((l) => `${l.from}→${l.areaId} ${l.color}`).sort()).toEqual([
      'entrance→counters-a #009e73',
      'entrance→counters-b #e69f00',
      'infoDesk→counters-a #009e73',
      'infoDesk→counters-b #e69f00',
    ]);
    expect(before.some((l) => l.highlighted)).toBe(false);
    await p.page.screenshot({ path: `${SCREENS}/guide-lines-lobby-3d-ja.png` });

    await search(p, '転入');
    const counter = '1番 市民課';
    await p.page
      .locator('.search-results')
      .getByRole('button', { name: p.t('hall.goTo', { name: counter }) })
      .first()
      .click();
    const green = guideLineName({ hex: '#009e73', name: 'green' }, 'ja');
    expect(green).toBe('緑の線');
    await p.page
      .getByRole('log')
      .getByText(p.t('guideLine.walking', { name: counter, line: green }))
      .waitFor();
    await p.page.waitForFunction(() =>
      window.__cityHall!.guideLines.some((l) => l.areaId === 'counters-a' && l.highlighted),
    );
    const during = await drawnLines(p);
    expect(during.filter((l) => l.highlighted).map((l) => l.areaId)).toEqual(['counters-a', 'counters-a']);
    await p.page.screenshot({ path: `${SCREENS}/guide-lines-followed-3d-ja.png` });

    // The 2D plan draws the same lines, the followed one highlighted, and says which to follow.
    await p.switchTo2d();
    // Tall enough for the legend under the plan to be in the picture.
    await p.page.setViewportSize({ width: 1280, height: 1000 });
    const areaA = localized('ja', layout.areas.find((a) => a.id === 'counters-a')!.name);
    const legend = p.page.getByRole('region', { name: p.t('guideLine.heading') });
    const plan = p.page.getByRole('region', { name: p.t('plan.heading') });
    await plan.getByText(p.t('guideLine.follow', { line: green, area: areaA })).waitFor();
    expect(await highlightedIn2d(p)).toEqual(['counters-a', 'counters-a']);
    expect(await legend.getByRole('listitem').allInnerTexts()).toHaveLength(2);
    await legend
      .locator('li[aria-current="true"]')
      .getByText(p.t('guideLine.to', { line: green, area: areaA }))
      .waitFor();
    await p.page
      .getByRole('region', { name: p.t('plan.heading') })
      .screenshot({ path: `${SCREENS}/guide-lines-plan-2d-ja.png` });
    await legend.screenshot({ path: `${SCREENS}/guide-lines-legend-2d-ja.png` });

    // Arriving ends the guidance: nothing is highlighted any more, and the plan stops telling the way.
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.arrived', { name: counter }))
      .waitFor({ timeout: 40_000 });
    await p.page.waitForFunction(
      () => document.querySelectorAll('svg [data-guide-line][data-highlighted="true"]').length === 0,
    );
    expect(await plan.getByText(p.t('guideLine.follow', { line: green, area: areaA })).count()).toBe(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('2D, English: the legend names every line; taking the resident to counter 9 names the orange line', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await p.enter('Ana', 'Blue');
    await p.page.setViewportSize({ width: 1280, height: 1000 });
    const plan = p.page.getByRole('region', { name: p.t('plan.heading') });
    const legend = p.page.getByRole('region', { name: p.t('guideLine.heading') });
    const orange = guideLineName({ hex: '#e69f00', name: 'orange' }, 'en');
    expect(orange).toBe('orange line');
    const areaB = localized('en', layout.areas.find((a) => a.id === 'counters-b')!.name);
    const areaA = localized('en', layout.areas.find((a) => a.id === 'counters-a')!.name);
    expect(await legend.getByRole('listitem').allInnerTexts()).toEqual([
      p.t('guideLine.to', { line: 'green line', area: areaA }),
      p.t('guideLine.to', { line: orange, area: areaB }),
    ]);
    expect(await p.page.locator('svg [data-guide-line]').count()).toBe(4);
    expect(await highlightedIn2d(p)).toEqual([]);

    await search(p, 'child allowance');
    const kosodate = layout.counters.find((c) => c.id === 'kosodate')!;
    const counter = p.t('hall.counterName', {
      number: kosodate.number,
      name: localized('en', kosodate.name),
    });
    await p.page
      .locator('.search-results')
      .getByRole('button', { name: p.t('hall.goTo', { name: counter }) })
      .first()
      .click();
    await p.page
      .getByRole('log')
      .getByText(p.t('guideLine.walking', { name: counter, line: orange }))
      .waitFor();
    await plan.getByText(p.t('guideLine.follow', { line: orange, area: areaB })).waitFor();
    expect(await highlightedIn2d(p)).toEqual(['counters-b', 'counters-b']);
    await p.page
      .getByRole('region', { name: p.t('plan.heading') })
      .screenshot({ path: `${SCREENS}/guide-lines-plan-2d-en.png` });
    await legend.screenshot({ path: `${SCREENS}/guide-lines-legend-2d-en.png` });

    // Walking off with the keys leaves the line: it is no longer highlighted.
    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.page.keyboard.down('ArrowDown');
    await p.page.waitForFunction(
      () => document.querySelectorAll('svg [data-guide-line][data-highlighted="true"]').length === 0,
    );
    await p.page.keyboard.up('ArrowDown');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
