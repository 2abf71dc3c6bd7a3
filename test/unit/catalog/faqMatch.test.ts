import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FILES, readCatalog, type CatalogFileKind } from '../../../shared/catalog/catalogCsv.ts';
import type { Catalog } from '../../../shared/catalog/catalogSchema.ts';
import { ANSWER_SCORE, createFaqIndex, type FaqIndex } from '../../../shared/catalog/faqMatch.ts';
import { japaneseTexts } from '../../../shared/i18n/localized.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { furiganaFor } from '../../../server/src/i18n/furigana.ts';

/** The demo FAQ sheet as the server reads it, with the readings the import makes. */
let catalog: Catalog;
let index: FaqIndex;
let withoutReadings: FaqIndex;

beforeAll(async () => {
  const sources = Object.fromEntries(
    (Object.keys(CATALOG_FILES) as CatalogFileKind[]).map((k) => [
      k,
      readFileSync(`assets/catalog/${CATALOG_FILES[k].file}`, 'utf8'),
    ]),
  ) as Record<CatalogFileKind, string>;
  catalog = readCatalog(sources, new Set(getHall().layout.counters.map((c) => c.id)));
  index = createFaqIndex(catalog.faq, await furiganaFor(japaneseTexts(catalog.faq)));
  withoutReadings = createFaqIndex(catalog.faq);
}, 30_000);

/** The answer the guide gives, or null when it would say it does not know. */
const answerTo = (question: string, i = index) => {
  const best = i.match(question)[0];
  return best && best.score >= ANSWER_SCORE ? best.entry.id : null;
};

describe('the guide finds its answer', () => {
  it.each([
    ['住民票がほしい', 'juminhyo'],
    ['住民票', 'juminhyo'],
    ['じゅうみんひょう', 'juminhyo'],
    ['ジュウミンヒョウ', 'juminhyo'],
    ['juminhyo', 'juminhyo'],
    ['jūminhyō', 'juminhyo'],
    ['ＪＵＭＩＮＨＹＯ', 'juminhyo'],
    ['住民票が欲しいです', 'juminhyo'],
  ])('kanji, kana, romaji, full width: %s', (question, id) => {
    expect(answerTo(question)).toBe(id);
  });

  it.each([
    ['how do i get my residence certificat', 'juminhyo'],
    ['residense certificate', 'juminhyo'],
    ['我想要居住证明', 'juminhyo'],
    ['주민표', 'juminhyo'],
    ['giay chung nhan cu tru', 'juminhyo'],
    ['atestado de residencia', 'juminhyo'],
    ['Acabei de me mudar', 'moving-in'],
    ['What are the openning hours?', 'opening-hours'],
  ])('other languages, typos, missing accents: %s', (question, id) => {
    expect(answerTo(question)).toBe(id);
  });

  it('kana and romaji reach a question written in kanji through the readings made at import', () => {
    for (const q of ['こどもがうまれた', 'kodomo ga umareta']) {
      expect(answerTo(q)).toBe('baby-born');
      // Without the readings the kanji 「子」「生」 cannot be matched from kana: the readings do the work.
      expect(answerTo(q, withoutReadings)).not.toBe('baby-born');
    }
    expect(answerTo('hikkoshi shimashita')).toBe('moving-in');
  });

  it('a keyword anywhere in a longer question', () => {
    expect(answerTo('マイナンバーの受け取りはどこですか')).toBe('mynumber-card');
    expect(answerTo('通訳をお願いしたい')).toBe('language-help');
    expect(answerTo('窓口は何時まで開いていますか')).toBe('opening-hours');
  });

  it('does not pretend: unrelated questions get no answer', () => {
    for (const q of [
      '犬の散歩コースを教えて',
      'where can I park my bicycle',
      'abc',
      '?',
      '天気はどうですか',
    ]) {
      expect(answerTo(q), q).toBeNull();
    }
    // One shared word of several is a hint ("talk"), not an answer about languages.
    expect(answerTo('I want to talk to a person')).toBeNull();
    expect(index.match('')).toEqual([]);
  });

  it('offers close questions as related, best first, and cuts a very long question', () => {
    const moving = index.match('ひっこしてきた');
    expect(moving[0]!.entry.id).toBe('moving-in');
    expect(moving.map((m) => m.entry.id)).toContain('moving-out');
    expect(moving.map((m) => m.score)).toEqual([...moving.map((m) => m.score)].sort((a, b) => b - a));
    // Only the first 200 characters are read (the HTTP API refuses longer ones before this).
    expect(answerTo('住民票がほしい' + 'あ'.repeat(5000))).toBe('juminhyo');
  });
});
