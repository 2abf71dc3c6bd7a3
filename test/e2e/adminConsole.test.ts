import { describe, expect, it } from 'vitest';
import { HallPage } from './pages/HallPage.ts';
import { staffSignsIn } from './pages/briefingFlows.ts';
import { SHOTS, tabTo, useHallInBrowser } from './support.ts';
import { watchPageErrors } from '../support/browser.ts';

/** An upload with problems is answered 422 on purpose; Chromium logs every 4xx answer as a console error. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422/.test(e));

describe('admin console: accounts, sheets and the audit log in the browser', () => {
  const hall = useHallInBrowser();

  it('an admin creates a staff account from /admin; the new member signs in at /staff and reaches the console', async () => {
    const admin = await staffSignsIn(hall.browser, hall.server.url, 'demo-admin');
    // The staff console links admins to the admin console, in a new tab (the hall stays open).
    const [tab] = await Promise.all([
      admin.context.waitForEvent('page'),
      admin.page.getByRole('link', { name: admin.t('staff.adminConsole') }).click(),
    ]);
    const page = tab!;
    const tabErrors = watchPageErrors(page);
    await page.getByRole('heading', { level: 1, name: admin.t('admin.title') }).waitFor();
    const nav = page.getByRole('navigation', { name: admin.t('admin.contents') });
    for (const key of [
      'admin.figures',
      'admin.accounts',
      'admin.sheets',
      'admin.hall.heading',
      'admin.audit',
    ] as const) {
      await nav.getByRole('link', { name: admin.t(key) }).waitFor();
      await page.getByRole('heading', { level: 2, name: admin.t(key) }).waitFor();
    }

    // From the keyboard: fields by their labels, the button reached with Tab, Enter to create.
    const form = page.getByRole('form', { name: admin.t('admin.createHeading') });
    await form.getByLabel(admin.t('admin.username')).fill('nakamura');
    await form.getByLabel(admin.t('admin.displayName')).fill('中村');
    await form.getByLabel(admin.t('admin.role')).selectOption('staff');
    await form.getByLabel(admin.t('admin.department')).selectOption('shimin-ka');
    await form.getByLabel(admin.t('admin.firstPassword')).fill('nakamura first pass');
    await tabTo(page, admin.t('admin.create'), 10);
    await page.keyboard.press('Enter');
    await form
      .getByRole('status')
      .getByText(admin.t('admin.created', { username: 'nakamura' }))
      .waitFor();
    const accounts = page.getByRole('table', { name: admin.t('admin.accountsCaption', { count: 6 }) });
    await accounts.getByRole('row', { name: /nakamura/ }).waitFor();
    // The audit log shows it with who did it, without reloading.
    const audit = page.getByRole('region', { name: admin.t('admin.audit') });
    await audit
      .getByRole('row', {
        name: new RegExp(`demo-admin.*${admin.t('admin.audit.action.staff.create')}.*nakamura`),
      })
      .waitFor();

    // The new member, in a browser of their own: /staff, their password, the staff console.
    const member = await HallPage.open(hall.browser, hall.server.url, 'ja', '/staff?no3d');
    await member.page.getByLabel(member.t('staff.username')).fill('nakamura');
    await member.page.getByLabel(member.t('staff.password')).fill('nakamura first pass');
    await member.page.getByRole('button', { name: member.t('staff.signIn') }).click();
    await member.waitForReady();
    const staffConsole = member.page.getByRole('region', { name: member.t('staff.console') });
    await staffConsole.getByText('中村').waitFor();
    expect(await staffConsole.getByRole('link', { name: member.t('staff.adminConsole') }).count()).toBe(0);
    // The admin console is not theirs: a clear message and the way to sign in.
    await member.page.goto(`${hall.server.url}/admin`);
    await member.page
      .getByRole('alert')
      .getByText(member.t('admin.notAdmin', { role: member.t('role.staff') }))
      .waitFor();
    await member.page.getByRole('link', { name: member.t('admin.toSignIn') }).waitFor();

    await page.screenshot({ path: `${SHOTS}/admin-console-ja.png`, fullPage: true });
    expect(unexpected(admin.errors)).toEqual([]);
    expect(tabErrors).toEqual([]);
    expect(member.errors).toEqual([]);
    await member.close();
    await admin.close();
  });

  it('uploading a sheet with a bad row lists the problem (file, line, reason) and changes nothing', async () => {
    const admin = await HallPage.open(hall.browser, hall.server.url, 'ja', '/staff?no3d');
    const signedIn = await admin.context.request.post(`${hall.server.url}/api/staff/login`, {
      data: { username: 'demo-admin', password: 'demo-password' },
    });
    expect(signedIn.ok()).toBe(true);
    await admin.page.goto(`${hall.server.url}/admin`);
    const sheets = admin.page.getByRole('region', { name: admin.t('admin.sheets') });
    await sheets
      .getByRole('link', { name: admin.t('admin.sheets.downloadFile', { file: 'procedures.csv' }) })
      .waitFor();

    const stored = (
      await (await admin.context.request.get(`${hall.server.url}/api/admin/catalog/procedures.csv`)).text()
    ).replace(/^\uFEFF/, '');
    const lines = stored.split('\n');
    const at = lines.findIndex((l, i) => i >= 4 && /^[a-z0-9][a-z0-9-]*,[a-z0-9-]+,/.test(l));
    lines[at] = lines[at]!.replace(/^([^,]+),([^,]+),/, '$1,no-such-dept,');
    await sheets
      .getByLabel(admin.t('admin.sheets.choose'))
      .setInputFiles([
        { name: 'procedures.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) },
      ]);
    await sheets.getByText(admin.t('admin.sheets.chosen', { files: 'procedures.csv' })).waitFor();
    await sheets.getByRole('button', { name: admin.t('admin.sheets.upload') }).click();

    const alert = sheets.getByRole('alert');
    await alert.getByText(admin.t('admin.sheets.problems', { count: 1 })).waitFor();
    const item = alert.getByRole('listitem');
    expect(await item.count()).toBe(1);
    const text = await item.textContent();
    expect(text).toContain('procedures.csv');
    expect(text).toContain(admin.t('admin.sheets.line', { line: at + 1 }));
    expect(text).toContain('"no-such-dept" does not exist');
    await sheets.screenshot({ path: `${SHOTS}/admin-sheet-problems-ja.png` });

    // Nothing changed: the sheet downloads as before.
    const after = await (
      await admin.context.request.get(`${hall.server.url}/api/admin/catalog/procedures.csv`)
    ).text();
    expect(after.replace(/^\uFEFF/, '')).toBe(stored);
    // A file that is not one of the sheets is refused in the browser already, with its name.
    await sheets
      .getByLabel(admin.t('admin.sheets.choose'))
      .setInputFiles([{ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') }]);
    await alert.getByText(admin.t('admin.sheets.problemsChosen', { count: 1 })).waitFor();
    await alert.getByText('notes.csv').waitFor();
    expect(await sheets.getByRole('button', { name: admin.t('admin.sheets.upload') }).isDisabled()).toBe(
      true,
    );
    expect(unexpected(admin.errors)).toEqual([]);
    await admin.close();
  });
});
