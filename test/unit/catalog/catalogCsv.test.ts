import { describe, expect, it } from 'vitest';
import { CatalogError, readCatalog, type CatalogIssue } from '../../../shared/catalog/catalogCsv.ts';
import { writeCatalog } from '../../../shared/catalog/catalogCsvWrite.ts';
import { COUNTERS, smallCatalog } from './fixtures.ts';

function issuesOf(edit: (s: ReturnType<typeof smallCatalog>) => void): CatalogIssue[] {
  const s = smallCatalog();
  edit(s);
  try {
    readCatalog(s, COUNTERS);
  } catch (e) {
    if (e instanceof CatalogError) return e.issues;
    throw e;
  }
  return [];
}
const replaceLine = (text: string, line: number, f: (l: string) => string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? f(l) : l))
    .join('\n');

describe('readCatalog', () => {
  it('reads the five sheets into a typed catalogue', () => {
    const c = readCatalog(smallCatalog(), COUNTERS);
    expect(c.procedures).toHaveLength(4);
    const tennyu = c.procedures.find((p) => p.id === 'tennyu-todoke')!;
    expect(tennyu.documents.en).toEqual(['Photo ID', 'Moving-out certificate']);
    expect(tennyu.onlinePath).toBeNull();
    expect(c.procedures.find((p) => p.id === 'juminhyo-utsushi')!.feeYen).toBe(300);
    expect(c.lifeEvents[0]!.questions.map((q) => q.id)).toEqual(['children', 'certificate']);
    expect(c.rules[3]!.conditions).toEqual([
      { questionId: 'certificate', answer: true },
      { questionId: 'children', answer: false },
    ]);
  });

  it('round-trips through writeCatalog', () => {
    const c = readCatalog(smallCatalog(), COUNTERS);
    expect(readCatalog(writeCatalog(c), COUNTERS)).toEqual(c);
  });

  it('reports a bad fee with file and line', () => {
    const issues = issuesOf(
      (s) => (s.procedures = replaceLine(s.procedures, 3, (l) => l.replace(',300,', ',300円,'))),
    );
    expect(issues).toEqual([
      { file: 'procedures.csv', line: 3, message: 'fee_yen: must be a whole number of yen (0 when free)' },
    ]);
  });

  it('reports every bad row at once, each with its reason', () => {
    const issues = issuesOf((s) => {
      s.procedures = replaceLine(s.procedures, 2, (l) => l.replace('shimin-ka', 'nowhere-ka'));
      s.procedures = replaceLine(s.procedures, 4, (l) => l.replace('mynaportal', 'fax'));
      s.departments = replaceLine(s.departments, 3, (l) => l.replace(',kosodate,', ',daycare,'));
      s.rules = replaceLine(s.rules, 3, (l) => l.replace('children=yes', 'pets=yes'));
    });
    expect(issues).toContainEqual({
      file: 'procedures.csv',
      line: 2,
      message: 'department_id "nowhere-ka" does not exist',
    });
    expect(issues.find((i) => i.file === 'procedures.csv' && i.line === 4)?.message).toMatch(/^channel: /);
    expect(issues).toContainEqual({
      file: 'departments.csv',
      line: 3,
      message: 'counter_id "daycare" is not a counter of the hall',
    });
    expect(issues).toContainEqual({
      file: 'life_event_rules.csv',
      line: 3,
      message: 'question "pets" is not asked for life event "moving-in"',
    });
  });

  it('catches structure problems: header, field count, duplicates, missing online path, quoting', () => {
    expect(issuesOf((s) => (s.lifeEvents = s.lifeEvents.replace('name_ja', 'namae')))[0]).toMatchObject({
      file: 'life_events.csv',
      line: 1,
    });
    expect(issuesOf((s) => (s.lifeEvents += 'extra,field\n'))).toEqual([
      { file: 'life_events.csv', line: 3, message: 'expected 5 fields, found 2' },
    ]);
    expect(issuesOf((s) => (s.lifeEvents += 'moving-in,転入,Moving in,a,b\n'))).toEqual([
      { file: 'life_events.csv', line: 3, message: 'duplicate id "moving-in" (first on line 2)' },
    ]);
    expect(issuesOf((s) => (s.procedures = s.procedures.replace('/apply/juminhyo', '')))).toEqual([
      { file: 'procedures.csv', line: 3, message: 'online_path is required when channel is online_or_visit' },
    ]);
    expect(issuesOf((s) => (s.departments += '"broken,x\n'))[0]).toMatchObject({
      file: 'departments.csv',
      line: 4,
      message: 'a quoted field is never closed',
    });
  });
});

describe('the FAQ sheet (faq.csv)', () => {
  it('reads question variants per language, the answer and where it leads', () => {
    const c = readCatalog(smallCatalog(), COUNTERS);
    expect(c.faq[0]).toEqual({
      id: 'juminhyo',
      questions: { ja: ['住民票がほしい', '住所の証明'], en: ['I need a certificate of residence'] },
      answer: { ja: '市民課で取れます', en: 'At Citizens Affairs' },
      procedureIds: ['juminhyo-utsushi'],
      lifeEventIds: [],
      counterIds: ['shimin'],
      keywords: ['じゅうみんひょう', 'juminhyo'],
    });
  });

  it('reports unknown procedures, life events and counters, a missing answer and duplicates by line', () => {
    const issues = issuesOf((s) => {
      s.faq = replaceLine(s.faq, 2, (l) => l.replace('juminhyo-utsushi', 'no-such-procedure'));
      s.faq = replaceLine(s.faq, 3, (l) => l.replace(',moving-in,shimin,', ',no-such-event,window-99,'));
      s.faq += 'no-answer,住民票,,,,,,,\n';
      s.faq += 'juminhyo,住民票,,答え,,,,,\n';
    });
    expect(issues).toEqual([
      { file: 'faq.csv', line: 4, message: 'answer_ja: required' },
      { file: 'faq.csv', line: 5, message: 'duplicate id "juminhyo" (first on line 2)' },
      { file: 'faq.csv', line: 2, message: 'procedures: "no-such-procedure" is not a procedure' },
      { file: 'faq.csv', line: 3, message: 'life_events: "no-such-event" is not a life event' },
      { file: 'faq.csv', line: 3, message: 'counters: "window-99" is not a counter of the hall' },
    ]);
  });

  it('a row without any question, and ids that are not ids', () => {
    const issues = issuesOf((s) => {
      s.faq = replaceLine(s.faq, 2, (l) => l.replace('住民票がほしい ; 住所の証明', ' ; '));
      s.faq = replaceLine(s.faq, 3, (l) => l.replace(',moving-in,', ',Moving In!,'));
    });
    expect(issues).toEqual([
      { file: 'faq.csv', line: 2, message: 'questions_ja: required' },
      { file: 'faq.csv', line: 3, message: 'life_events: life event ids separated by spaces' },
    ]);
  });

  it('languages may list different numbers of ways to ask', () => {
    const c = readCatalog(smallCatalog(), COUNTERS);
    expect(c.faq[0]!.questions.ja).toHaveLength(2);
    expect(c.faq[0]!.questions.en).toHaveLength(1);
  });
});

describe('disaster sheets and the disaster column', () => {
  it('reads shelters and hotlines, and a procedure marked for disasters', () => {
    const s = smallCatalog();
    const [head, ...rows] = s.procedures.trimEnd().split('\n');
    s.procedures =
      [`${head},disaster`, ...rows.map((r, i) => `${r},${i === 0 ? 'yes' : ''}`)].join('\n') + '\n';
    const c = readCatalog(s, COUNTERS);
    expect(c.procedures.map((p) => p.disaster)).toEqual([true, false, false, false]);
    expect(c.shelters).toEqual([
      {
        id: 'daiichi',
        name: { ja: '第一小学校', en: 'Daiichi School' },
        address: { ja: '中央町1-2-3', en: '1-2-3 Chuo' },
        mapUrl: 'https://maps.example.org/daiichi',
      },
    ]);
    expect(c.hotlines[0]).toMatchObject({ id: 'taisaku', phone: '0120-000-000', hours: { en: '24 hours' } });
    expect(readCatalog(writeCatalog(c), COUNTERS)).toEqual(c);
  });

  it('refuses a map link that is not https, a phone that is not a number and a bad disaster mark, by line', () => {
    const issues = issuesOf((s) => {
      s.shelters = replaceLine(s.shelters, 2, (l) =>
        l.replace('https://maps.example.org/daiichi', 'javascript:alert(1)'),
      );
      s.hotlines += 'police,警察,Police,call us,,\n';
      const [head, ...rows] = s.procedures.trimEnd().split('\n');
      s.procedures = [`${head},disaster`, ...rows.map((r) => `${r},maybe`)].join('\n') + '\n';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'shelters.csv', line: 2, message: 'map_url: must be an https:// link' },
        { file: 'hotlines.csv', line: 3, message: 'phone: must be a phone number: digits and dashes' },
        { file: 'procedures.csv', line: 2, message: 'disaster: must be yes, no or empty' },
      ]),
    );
  });
});
