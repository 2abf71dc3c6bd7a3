import { describe, expect, it } from 'vitest';
import type { LifeEvent } from '../../shared/catalog/catalogSchema.ts';
import type { Page } from 'playwright-core';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { localized } from '../../shared/i18n/localized.ts';

/** "Moving in with a child": yes to children and national health insurance, no to anything else. */
const answerFor = (questionId: string) => questionId === 'children' || questionId === 'nhi';

async function answerLifeEvent(p: HallPage, event: LifeEvent, keyboard: boolean): Promise<void> {
  const form = p.page.locator('.life-event-form');
  const eventRadio = form.getByRole('radio', { name: new RegExp(`^${localized(p.lang, event.name)}`) });
  if (keyboard) {
    await eventRadio.focus();
    await p.page.keyboard.press('Space');
  } else await eventRadio.check();
  for (const q of event.questions) {
    const group = form.getByRole('group', { name: q.text[p.lang] });
    const choice = group.getByRole('radio', { name: answerFor(q.id) ? p.t('life.yes') : p.t('life.no') });
    if (keyboard) {
      await choice.focus();
      await p.page.keyboard.press('Space');
    } else await choice.check();
  }
}

/** From the life-event button to the finished checklist; returns the procedure names it lists. */
async function makeChecklist(p: HallPage, event: LifeEvent, keyboard: boolean): Promise<string[]> {
  if (keyboard) {
    await tabTo(p.page, p.t('life.open'));
    await p.page.keyboard.press('Enter');
  } else
    await p.page
      .getByRole('button', { name: p.t('life.open') })
      .first()
      .click();
  await answerLifeEvent(p, event, keyboard);
  if (keyboard) {
    await tabTo(p.page, p.t('life.make'));
    await p.page.keyboard.press('Enter');
  } else await p.page.getByRole('button', { name: p.t('life.make') }).click();
  await p.page
    .getByRole('region', { name: p.t('guide.label') })
    .getByRole('heading', { name: p.t('checklist.heading', { event: localized(p.lang, event.name) }) })
    .waitFor();
  return checklistNames(p.page);
}

async function checklistNames(page: Page): Promise<string[]> {
  return page.locator('.checklist .procedure-name').allTextContents();
}

describe('procedure guide: search, counters, life-event checklist', () => {
  const hall = useHallInBrowser();

  it('search 転入, walk to the counter, open the procedure, then get a moving-in checklist', async () => {
    const events = (await (await fetch(`${hall.server.url}/api/life-events`)).json()) as LifeEvent[];
    const movingIn = events.find((e) => e.id === 'moving-in')!;
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enter('ゆい', '紫');
    await p.waitForScene();

    await p.page.getByRole('searchbox', { name: p.t('search.label') }).fill('転入');
    await p.page.keyboard.press('Enter');
    const results = p.page.locator('.search-results');
    await results.getByText('転入届', { exact: true }).waitFor();
    await results
      .getByRole('button', { name: p.t('hall.goTo', { name: '1番 市民課' }) })
      .first()
      .click();
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.arrived', { name: '1番 市民課' }))
      .waitFor({ timeout: 30_000 });
    // Arriving opens the counter's panel by itself.
    const panel = p.page.getByRole('region', { name: p.t('guide.label') });
    await panel.getByRole('heading', { name: '1番 市民課' }).waitFor();
    await panel.getByRole('button', { name: p.t('guide.detailsOf', { name: '転入届' }) }).click();
    await panel.getByRole('heading', { name: '転入届' }).waitFor();
    await panel.getByText(p.t('proc.documents')).first().waitFor();

    const names = await makeChecklist(p, movingIn, false);
    expect(names).toContain('転入届');
    expect(names).toContain('児童手当');
    expect(names.some((n) => n.includes('国民健康保険'))).toBe(true);
    await p.page.screenshot({ path: `${SHOTS}/checklist-3d-ja.png` });

    // Ticks stay in this browser; the shared link reopens the same list without entering the hall.
    await panel.getByRole('checkbox', { name: p.t('checklist.done', { name: '転入届' }) }).check();
    await panel.getByRole('button', { name: p.t('checklist.share') }).click();
    const link = await p.page.evaluate(() => location.href);
    expect(link).toContain('#checklist=moving-in');
    const reader = await p.context.newPage();
    await reader.goto(link);
    await reader
      .getByRole('heading', { name: p.t('checklist.heading', { event: movingIn.name.ja }) })
      .waitFor();
    expect(await checklistNames(reader)).toEqual(names);
    expect(
      await reader.getByRole('checkbox', { name: p.t('checklist.done', { name: '転入届' }) }).isChecked(),
    ).toBe(true);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('the same in the 2D view with the keyboard only, in English', async () => {
    const events = (await (await fetch(`${hall.server.url}/api/life-events`)).json()) as LifeEvent[];
    const movingIn = events.find((e) => e.id === 'moving-in')!;
    const p = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await p.enterWithKeyboard('Kim');

    await tabTo(p.page, p.t('search.label'));
    await p.page.keyboard.type('moving in');
    await p.page.keyboard.press('Enter');
    const panel = p.page.getByRole('region', { name: p.t('guide.label') });
    await panel.locator('.search-results').getByText('Moving-in notification', { exact: true }).waitFor();
    const counter = p.t('hall.counterName', { number: 1, name: 'Citizens Affairs Division' });
    await tabTo(p.page, p.t('hall.goTo', { name: counter }));
    await p.page.keyboard.press('Enter');
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.arrived', { name: counter }))
      .waitFor({ timeout: 30_000 });
    await panel.getByRole('heading', { name: counter }).waitFor();
    await tabTo(p.page, p.t('guide.detailsOf', { name: 'Moving-in notification' }));
    await p.page.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Moving-in notification' }).waitFor();

    const names = await makeChecklist(p, movingIn, true);
    expect(names).toContain('Moving-in notification');
    expect(names).toContain('Child allowance');
    expect(names).toContain('Joining National Health Insurance');
    expect(names).not.toContain('Joining the National Pension');
    await p.page.screenshot({ path: `${SHOTS}/checklist-2d-en.png`, fullPage: true });
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
