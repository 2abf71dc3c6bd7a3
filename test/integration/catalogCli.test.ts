import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeCatalogDir } from '../support/catalogFixture.ts';
import { smallCatalog } from '../unit/catalog/fixtures.ts';
import { openDatabase } from '../../server/src/db/database.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'city-hall-cli-'));
const dbFile = join(work, 'cli.sqlite');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function catalog(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/catalog.ts', ...args],
      {
        env: { ...process.env, DATABASE_FILE: dbFile },
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function procedureIds(): Promise<string[]> {
  const db = openDatabase(dbFile);
  try {
    return (await db.selectFrom('procedures').select('id').orderBy('position').execute()).map((r) => r.id);
  } finally {
    await db.destroy();
  }
}

describe('npm run catalog:import / catalog:export', () => {
  it(
    'imports a folder, then refuses a sheet with bad rows (naming each line) and changes nothing',
    { timeout: 30_000 },
    async () => {
      const good = writeCatalogDir(smallCatalog());
      const ok = await catalog('import', good);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toMatch(/imported 2 departments, 4 procedures, 1 life events, 4 rules/);
      const before = await procedureIds();
      expect(before).toHaveLength(4);

      // One good new row, one bad fee (line 3), one unknown department (line 4): all-or-nothing.
      const sheet = smallCatalog().procedures.split('\n');
      sheet[2] = sheet[2]!.replace(',300,', ',abc,');
      sheet[3] = sheet[3]!.replace('kosodate-shien-ka', 'no-such-ka');
      sheet.splice(5, 0, sheet[1]!.replace('tennyu-todoke', 'brand-new'));
      const badFile = join(work, 'procedures.csv');
      writeFileSync(badFile, sheet.join('\n'));
      const bad = await catalog('import', badFile);
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('procedures.csv:3: fee_yen: must be a whole number of yen');
      expect(bad.out).toContain('procedures.csv:4: department_id "no-such-ka" does not exist');
      expect(bad.out).toContain('Nothing was imported.');
      expect(await procedureIds()).toEqual(before);
    },
  );

  it(
    'imports a single sheet checked against the stored rest, and exports what it stores',
    { timeout: 30_000 },
    async () => {
      const sheet = smallCatalog().procedures.replace('住民票の写し', '住民票の写し（改）');
      const file = join(work, 'procedures.csv');
      writeFileSync(file, sheet);
      const ok = await catalog('import', file);
      expect(ok.code, ok.out).toBe(0);

      const out = join(work, 'export');
      const exported = await catalog('export', out);
      expect(exported.code, exported.out).toBe(0);
      expect(readFileSync(join(out, 'procedures.csv'), 'utf8')).toContain('住民票の写し（改）');
      expect(readFileSync(join(out, 'life_event_rules.csv'), 'utf8')).toContain(
        'certificate=yes&children=no',
      );

      // What was exported imports again as it is.
      const before = await procedureIds();
      const again = await catalog('import', out);
      expect(again.code, again.out).toBe(0);
      expect(await procedureIds()).toEqual(before);
    },
  );

  it('refuses a file whose name does not say which sheet it is', { timeout: 30_000 }, async () => {
    const file = join(work, 'my-sheet.csv');
    writeFileSync(file, 'a,b\n');
    const r = await catalog('import', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/expected one of departments\.csv/);
  });
});
