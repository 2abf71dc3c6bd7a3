import { describe, expect, it } from 'vitest';
import { alignReading, compact } from '../../shared/i18n/ruby.ts';
import { furiganaFor } from '../../server/src/i18n/furigana.ts';

describe('furigana', () => {
  it('puts readings over kanji only, not over the kana already written', () => {
    expect(alignReading('引っ越し', 'ヒッコシ')).toEqual([['引', 'ひ'], ['っ'], ['越', 'こ'], ['し']]);
    expect(alignReading('転入', 'テンニュウ')).toEqual([['転入', 'てんにゅう']]);
    expect(alignReading('ください', 'クダサイ')).toEqual([['ください']]);
    // Kana that do not line up with the reading: the whole word gets it.
    expect(alignReading('取り', 'ドル')).toEqual([['取り', 'どる']]);
    expect(compact([['を'], ['出', 'だ'], ['す'], ['。']])).toEqual([['を'], ['出', 'だ'], ['す。']]);
  });

  it('reads sentences with the analyser from npm, keeps placeholders whole and does not guess 14日', async () => {
    const r = await furiganaFor([
      '転入届を出す',
      'ここへ行く：{name}',
      '引っ越した日から14日以内',
      'Moving in',
    ]);
    expect(r['転入届を出す']).toEqual([
      ['転入', 'てんにゅう'],
      ['届', 'とどけ'],
      ['を'],
      ['出', 'だ'],
      ['す'],
    ]);
    expect(r['ここへ行く：{name}']).toEqual([['ここへ'], ['行', 'い'], ['く：{name}']]);
    expect(r['引っ越した日から14日以内']).toContainEqual(['以内', 'いない']);
    expect(r['引っ越した日から14日以内']!.some(([t, reading]) => t === '日' && reading === 'にち')).toBe(
      false,
    );
    // Texts without kanji need no readings.
    expect(r['Moving in']).toBeUndefined();
  }, 20_000);
});
