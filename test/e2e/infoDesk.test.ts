import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { consultationRoom, staffAtCounter } from './pages/queueFlows.ts';

const guidePanel = (p: HallPage) => p.page.getByRole('region', { name: p.t('guide.label') });
const conversation = (p: HallPage) => guidePanel(p).getByRole('log', { name: p.t('desk.log') });

/** Types a question into the desk's box and sends it with Enter, as a resident on a keyboard does. */
async function ask(p: HallPage, question: string): Promise<void> {
  const box = guidePanel(p).getByRole('textbox', { name: p.t('desk.question') });
  await box.fill(question);
  await box.press('Enter');
  // The box empties at once and is ready for the next question; the answer arrives in the log.
  expect(await box.inputValue()).toBe('');
}

describe('information desk: the guide answers from the FAQ sheet and leads on', () => {
  const hall = useHallInBrowser({ OPENING_HOURS: 'always' });

  it('3D, Japanese, keyboard: asked in kana, the guide answers and takes the resident to the counter', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'ja');
    await p.enterWithKeyboard('はな');
    await p.waitForScene();

    await tabTo(p.page, p.t('desk.open'));
    await p.page.keyboard.press('Enter');
    await guidePanel(p)
      .getByRole('heading', { name: p.t('desk.heading') })
      .waitFor();
    // Focus moved to the heading: the question box is the next stop.
    await p.page.keyboard.press('Tab');
    await p.page.keyboard.type('じゅうみんひょう');
    await p.page.keyboard.press('Enter');
    await conversation(p).getByText('住民票の写しは市民課（1番窓口）で取れます', { exact: false }).waitFor();
    expect(await conversation(p).getByText('じゅうみんひょう', { exact: true }).count()).toBe(1);

    // A question it cannot answer: said plainly, with when staff can help (nobody is on duty here).
    await ask(p, '犬の散歩コースを教えて');
    await conversation(p).getByText(p.t('desk.noAnswer')).waitFor();
    await conversation(p).getByText(p.t('desk.staffLater')).waitFor();
    await p.page.screenshot({ path: `${SHOTS}/info-desk-3d-ja.png` });

    // The first answer's next step: take me there. Arriving opens the counter's panel.
    const counter = '1番 市民課';
    await conversation(p)
      .getByRole('button', { name: p.t('desk.takeMeTo', { name: counter }) })
      .first()
      .click();
    await p.page
      .getByRole('log')
      .getByText(p.t('hall.arrived', { name: counter }))
      .waitFor({ timeout: 30_000 });
    await guidePanel(p).getByRole('heading', { name: counter }).waitFor();

    // The conversation is still there when the resident comes back to the desk.
    await p.page.getByRole('button', { name: p.t('desk.open') }).click();
    await conversation(p).getByText('犬の散歩コースを教えて', { exact: true }).waitFor();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('2D, English: walking up opens the desk; a picked question, a typo and the next steps', async () => {
    const p = await HallPage.open(hall.browser, hall.server.url, 'en', '/?no3d');
    await p.enter('Ana', 'Blue');
    await p.page.getByRole('button', { name: p.t('hall.goTo', { name: p.t('hall.infoDesk') }) }).click();
    await guidePanel(p)
      .getByRole('heading', { name: p.t('desk.heading') })
      .waitFor({ timeout: 30_000 });

    await guidePanel(p)
      .getByRole('region', { name: p.t('desk.picks') })
      .getByRole('button', { name: 'What are the opening hours' })
      .click();
    await conversation(p)
      .getByText('Counters are open on weekdays from 8:30 to 17:15', { exact: false })
      .waitFor();

    await ask(p, 'residense certificat');
    await conversation(p)
      .getByText('certificate of residence at the Citizens Affairs counter', { exact: false })
      .waitFor();
    await ask(p, 'We had a baby');
    const steps = conversation(p)
      .getByRole('list', { name: p.t('desk.nextSteps') })
      .last();
    await steps
      .getByRole('button', { name: p.t('desk.startChecklist', { name: 'A baby was born' }) })
      .waitFor();
    await p.page.screenshot({ path: `${SHOTS}/info-desk-2d-en.png`, fullPage: true });

    await steps
      .getByRole('button', { name: p.t('desk.openProcedure', { name: 'Birth registration' }) })
      .click();
    await guidePanel(p).getByRole('heading', { name: 'Birth registration' }).waitFor();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('handed over: the resident asks for a person; a guide at the desk calls and reads the conversation so far', async () => {
    // A guide works the information desk (the staff console, 2D).
    const { staff: guide, consoleBox } = await staffAtCounter(
      hall.browser,
      hall.server.url,
      '総合案内',
      'demo-guide',
    );
    const res = await HallPage.open(hall.browser, hall.server.url, 'ja', '/?no3d');
    await res.enterWithKeyboard('そら');
    await res.page.getByRole('button', { name: res.t('desk.open') }).click();
    await ask(res, '犬を飼い始めました。届け出はいりますか');
    await conversation(res).getByText(res.t('desk.noAnswer')).waitFor();

    // A moment later the resident asks for a person: a number at the desk, said where they asked.
    const askStaff = guidePanel(res).getByRole('button', { name: res.t('desk.askStaff') });
    await askStaff.click();
    const status = guidePanel(res)
      .getByRole('region', { name: res.t('desk.askStaff') })
      .getByRole('status');
    await status.waitFor();
    const number = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0]);
    expect(number).toBeGreaterThan(0);

    // The guide calls; the resident answers; both meet in the consultation room.
    await consoleBox.getByRole('row', { name: new RegExp(`^${number}\\b`) }).waitFor();
    await consoleBox.getByRole('button', { name: guide.t('staff.callNext') }).click();
    const dialog = res.page.getByRole('alertdialog', { name: res.t('call.title', { number }) });
    await dialog.getByRole('button', { name: res.t('call.answer') }).click();
    const room = (p: HallPage) => consultationRoom(p, number, '総合案内');
    await room(guide).waitFor();
    await room(res).waitFor();

    // The guide staff member reads the conversation so far, first in the chat, then answers in it.
    const chat = room(guide).getByRole('log');
    await chat.getByText('犬を飼い始めました。届け出はいりますか').waitFor();
    await chat.getByText(guide.t('desk.noAnswer')).waitFor();
    expect(await chat.getByText(guide.t('desk.autoGuide'), { exact: true }).count()).toBeGreaterThan(0);
    await guide.page.getByLabel(guide.t('consult.message')).fill('犬の登録は保健所で受け付けています。');
    await guide.page.getByRole('button', { name: guide.t('consult.send') }).click();
    await room(res).getByRole('log').getByText('犬の登録は保健所で受け付けています。').waitFor();
    await guide.page.screenshot({ path: `${SHOTS}/info-desk-handover-guide-ja.png` });
    for (const p of [res, guide]) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
});
