import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ja } from '../../client/src/i18n/ja.ts';
import { en } from '../../client/src/i18n/en.ts';
import { loadDictionary, translate } from '../../client/src/i18n/translate.ts';
import { LANGUAGES, languageForBrowser } from '../../shared/i18n/languages.ts';
import { FALLBACK_MARKER, localized, localizedList } from '../../shared/i18n/localized.ts';
import { CALENDAR_TEXT_LANGUAGES, calendarText } from '../../shared/i18n/calendarTexts.ts';
import { CATALOG_FILES, readCatalog, type CatalogFileKind } from '../../shared/catalog/catalogCsv.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { translationGaps } from '../support/translationGaps.ts';

const DICTIONARY_DIR = 'client/src/i18n/dictionaries';
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const dictionary = (lang: string): Record<string, string> =>
  lang === 'ja'
    ? ja
    : lang === 'en'
      ? en
      : JSON.parse(readFileSync(`${DICTIONARY_DIR}/${lang}.json`, 'utf8'));

function dictionaryProblems(lang: string, dict: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, source] of Object.entries(ja)) {
    const t = dict[key];
    if (typeof t !== 'string' || t.trim() === '') problems.push(`${lang}: missing ${key}`);
    else if (placeholders(t).join() !== placeholders(source).join())
      problems.push(`${lang}: ${key} has placeholders ${placeholders(t).join()}`);
  }
  for (const key of Object.keys(dict)) if (!(key in ja)) problems.push(`${lang}: unknown key ${key}`);
  return problems;
}

const catalogSources = () =>
  Object.fromEntries(
    (Object.keys(CATALOG_FILES) as CatalogFileKind[]).map((k) => [
      k,
      readFileSync(`assets/catalog/${CATALOG_FILES[k].file}`, 'utf8'),
    ]),
  ) as Record<CatalogFileKind, string>;
const counters = () => new Set(getHall().layout.counters.map((c) => c.id));

describe('every language has every text', () => {
  it('a dictionary for every language but the two built in, and nothing else in the folder', () => {
    const files = readdirSync(DICTIONARY_DIR).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(LANGUAGES.filter((l) => l !== 'ja' && l !== 'en').sort());
  });

  it.each(LANGUAGES)('%s: every key of the Japanese dictionary, none empty, same placeholders', (lang) => {
    expect(dictionaryProblems(lang, dictionary(lang))).toEqual([]);
  });

  it('the check itself fails on a missing key, an empty one and a lost placeholder', () => {
    const broken: Record<string, string> = { ...dictionary('ko') };
    delete broken['app.title'];
    broken['entry.lead'] = ' ';
    broken['people.building'] = '건물 안에 있는 사람';
    expect(dictionaryProblems('ko', broken)).toEqual([
      'ko: missing app.title',
      'ko: missing entry.lead',
      'ko: people.building has placeholders ',
    ]);
  });

  it('every catalogue row, the hall layout and the calendar texts in every language', () => {
    expect(translationGaps(readCatalog(catalogSources(), counters()))).toEqual([]);
    expect(translationGaps(getHall().layout)).toEqual([]);
    expect(CALENDAR_TEXT_LANGUAGES.sort()).toEqual([...LANGUAGES].sort());
  });

  it('a catalogue sheet that lacks a language for one row is found, and still reads', () => {
    const sources = catalogSources();
    const [head, first, ...rest] = sources.departments.split('\n');
    const cells = first!.split(',');
    const koColumn = head!.split(',').indexOf('name_ko');
    cells[koColumn] = '';
    sources.departments = [head, cells.join(','), ...rest].join('\n');
    const catalog = readCatalog(sources, counters());
    expect(translationGaps(catalog)).toEqual(['departments[0].name: ko']);
    expect(localized('ko', catalog.departments[0]!.name)).toBe(`${FALLBACK_MARKER}市民課`);
  });
});

describe('falling back', () => {
  it('shows Japanese with a marker, never an empty string', async () => {
    expect(localized('vi', { ja: '市民課' })).toBe('[日本語] 市民課');
    expect(localized('ja', { ja: '市民課' })).toBe('市民課');
    expect(localizedList('pt', { ja: ['印鑑'] })).toEqual(['[日本語] 印鑑']);
    // Before a language's dictionary has arrived, its strings are the marked Japanese.
    expect(translate('ko', 'app.title')).toBe(`${FALLBACK_MARKER}${ja['app.title']}`);
    await loadDictionary('ko');
    expect(translate('ko', 'app.title')).toBe('가상 시청');
    expect(calendarText('fr', 'bookingCode', { code: 'AB12' })).toBe(`${FALLBACK_MARKER}予約コード: AB12`);
  });
});

describe('the browser language picks the default', () => {
  it.each([
    [['zh-TW', 'ja'], 'zh-Hant'],
    [['zh-Hant-HK'], 'zh-Hant'],
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['ko-KR'], 'ko'],
    [['vi'], 'vi'],
    [['pt-BR'], 'pt'],
    [['pt-PT'], 'pt'],
    [['fr-FR', 'en-US'], 'en'],
    [['fr-FR', 'de'], 'ja'],
    [[], 'ja'],
  ])('%j → %s', (tags, lang) => {
    expect(languageForBrowser(tags)).toBe(lang);
  });
});
