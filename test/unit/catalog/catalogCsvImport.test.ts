import { describe, expect, it } from 'vitest';
import { CatalogError, readCatalog, type CatalogIssue } from '../../../shared/catalog/catalogCsv.ts';
import { writeCatalog } from '../../../shared/catalog/catalogCsvWrite.ts';
import { COUNTERS, smallCatalog } from './fixtures.ts';

type Sheets = ReturnType<typeof smallCatalog>;

/** The problems reported in one file (other sheets then fail their references to it, not tested here). */
function issuesIn(file: string, edit: (s: Sheets) => void): CatalogIssue[] {
  const s = smallCatalog();
  edit(s);
  try {
    readCatalog(s, COUNTERS);
  } catch (e) {
    if (e instanceof CatalogError) return e.issues.filter((i) => i.file === file);
    throw e;
  }
  return [];
}

const header = (sheet: string) => sheet.slice(0, sheet.indexOf('\n') + 1);

describe('catalogue sheets exported for a spreadsheet and imported again', () => {
  it('gives back texts that start like a formula, written with an apostrophe in the sheet', () => {
    const c = readCatalog(smallCatalog(), COUNTERS);
    c.procedures[1]!.feeNote = { ja: '+100円（速達）', en: '=1+1' };
    c.procedures[0]!.keywords.unshift('-tennyu');
    c.departments[0]!.description = { ja: '-5%の割引\n二行目', en: '@home, "quoted"' };
    c.faq[0]!.answer = { ja: "'=最初から引用符", en: "it's fine" };
    c.hotlines[0]!.hours = { ja: '-', en: '24 hours' };

    const sheets = writeCatalog(c);
    // Between ja and en come the ja-easy column and, after en, the other languages.
    expect(sheets.procedures).toContain(`"'+100円（速達）",,"'=1+1"`);
    expect(sheets.procedures).toContain(`"'-tennyu `);
    expect(sheets.departments).toContain(`"'-5%の割引\n二行目",,"'@home, ""quoted"""`);
    expect(sheets.faq).toContain(`"''=最初から引用符",,it's fine`);
    expect(readCatalog(sheets, COUNTERS)).toEqual(c);
  });

  it('takes the apostrophe off a clerk-written "\'-5%" too, but not off other texts', () => {
    const s = smallCatalog();
    s.hotlines = `${header(s.hotlines)}taisaku,災害対策本部,'Disaster HQ',0120-000-000,'-,'+24\n`;
    expect(readCatalog(s, COUNTERS).hotlines[0]).toMatchObject({
      name: { en: "'Disaster HQ'" },
      hours: { ja: '-', en: '+24' },
    });
  });
});

describe('line numbers and syntax errors in a catalogue sheet', () => {
  it('points at the physical line of a bad row after quoted cells spanning several lines', () => {
    const issues = issuesIn('departments.csv', (s) => {
      s.departments =
        header(s.departments) +
        // Lines 2 to 5: two quoted cells with line breaks.
        'shimin-ka,市民課,Citizens,shimin,"住民票\r\n戸籍\r\n印鑑登録","Residence\r\nrecords"\r\n' +
        'kosodate-shien-ka,子育て支援課,Child,daycare,子育て,Child support\r\n' +
        '\r\n' +
        'extra,field\r\n';
    });
    expect(issues).toEqual([
      { file: 'departments.csv', line: 8, message: 'expected 6 fields, found 2' },
      { file: 'departments.csv', line: 6, message: 'counter_id "daycare" is not a counter of the hall' },
    ]);
  });

  it('reads a sheet saved with a byte order mark', () => {
    const s = smallCatalog();
    expect(readCatalog({ ...s, departments: `\uFEFF${s.departments}` }, COUNTERS)).toEqual(
      readCatalog(s, COUNTERS),
    );
  });

  it('reports a quote left open, or text after a closing quote, on the line the quoted cell opens', () => {
    const open = issuesIn('life_events.csv', (s) => {
      s.lifeEvents = header(s.lifeEvents) + 'a,"b\nc",d,e,f\ng,h,"never closed,x\n';
    });
    expect(open).toEqual([{ file: 'life_events.csv', line: 4, message: 'a quoted field is never closed' }]);
    const after = issuesIn(
      'life_events.csv',
      (s) => (s.lifeEvents = header(s.lifeEvents) + 'a,"b"c,d,e,f\n'),
    );
    expect(after).toEqual([
      { file: 'life_events.csv', line: 2, message: 'unexpected character after a closing quote' },
    ]);
  });
});

describe('hostile catalogue sheets: a clear error, no crash, no hang', () => {
  const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');

  it('a row of 10,000 columns', () => {
    expect(issuesIn('life_events.csv', (s) => (s.lifeEvents += `${wide}\n`))).toEqual([
      { file: 'life_events.csv', line: 3, message: 'expected 5 fields, found 10000' },
    ]);
  });

  it('a header of 10,000 columns is summed up instead of listed', () => {
    const issues = issuesIn('shelters.csv', (s) => (s.shelters = `${wide}\n`));
    expect(issues).toHaveLength(21);
    expect(issues[20]).toEqual({
      file: 'shelters.csv',
      line: 1,
      message: 'and 9984 more problems with the header',
    });
  });

  it('a quote never closed at the end of a large sheet', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `e${i},名前,Name,説明,About\n`).join('');
    const issues = issuesIn('life_events.csv', (s) => {
      s.lifeEvents = header(s.lifeEvents) + rows + '"' + 'x'.repeat(200_000);
    });
    expect(issues).toEqual([
      { file: 'life_events.csv', line: 20_002, message: 'a quoted field is never closed' },
    ]);
  });

  it('a NUL byte (a sheet saved as UTF-16)', () => {
    expect(issuesIn('hotlines.csv', (s) => (s.hotlines += 'police,\0\n'))).toEqual([
      { file: 'hotlines.csv', line: 3, message: 'a NUL character; save the sheet as "CSV UTF-8"' },
    ]);
  });
});
