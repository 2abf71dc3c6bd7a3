import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOG_FILES, readCatalog, type CatalogSources } from '../../../shared/catalog/catalogCsv.ts';
import { createSearchIndex, editDistance, normalize } from '../../../shared/catalog/search.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';

const sources = Object.fromEntries(
  Object.entries(CATALOG_FILES).map(([k, v]) => [k, readFileSync(`assets/catalog/${v.file}`, 'utf8')]),
) as CatalogSources;
const catalog = readCatalog(sources, new Set(getHall().layout.counters.map((c) => c.id)));
const index = createSearchIndex(catalog);
const top = (q: string, n = 1) =>
  index
    .search(q)
    .slice(0, n)
    .map((h) => h.procedure.id);

describe('the demo catalogue', () => {
  it('is big enough to be realistic', () => {
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(60);
    expect(catalog.departments.length).toBeGreaterThanOrEqual(10);
    expect(catalog.lifeEvents.length).toBeGreaterThanOrEqual(10);
    for (const e of catalog.lifeEvents) expect(e.questions.length).toBeLessThanOrEqual(3);
  });
});

describe('search ranking', () => {
  it.each([
    ['転入', 'tennyu-todoke'],
    ['てんにゅう', 'tennyu-todoke'],
    ['テンニュウ', 'tennyu-todoke'],
    ['ﾃﾝﾆｭｳ', 'tennyu-todoke'],
    ['moving in', 'tennyu-todoke'],
    ['Moving-in', 'tennyu-todoke'],
    ['住民票', 'juminhyo-utsushi'],
    ['じゅうみんひょう', 'juminhyo-utsushi'],
    ['certificate of residence', 'juminhyo-utsushi'],
    ['児童手当', 'jidou-teate'],
    ['child allowance', 'jidou-teate'],
    ['child alowance', 'jidou-teate'],
    ['国民健康保険の加入', 'kokuho-kanyu'],
    ['保育園', 'hoiku-nyusho'],
    ['nursery', 'hoiku-nyusho'],
    ['印鑑登録', 'inkan-toroku'],
    ['vaccination', 'yobou-sesshu'],
    ['vacination', 'yobou-sesshu'],
    ['pregnancy', 'boshi-techo'],
    ['要介護', 'kaigo-nintei'],
    ['wheelchair', 'hosougu'],
    ['public assistance', 'seikatsu-hogo'],
  ])('%s → %s first', (query, id) => {
    expect(top(query)).toEqual([id]);
  });

  it('finds partial words and lists several matches for a broad word', () => {
    expect(index.search('証明').length).toBeGreaterThanOrEqual(5);
    expect(top('マイナ')).toEqual(['mynumber-card']);
  });

  it('returns nothing for nonsense or an empty query', () => {
    expect(index.search('zzqxv')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });
});

describe('search helpers', () => {
  it('normalises width, case and katakana', () => {
    expect(normalize('ﾃﾝﾆｭｳ　届')).toBe('てんにゅう届');
    expect(normalize('Moving-In')).toBe('movingin');
  });
  it('counts edits including a swap of neighbours', () => {
    expect(editDistance('allowance', 'alowance', 2)).toBe(1);
    expect(editDistance('form', 'from', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});
