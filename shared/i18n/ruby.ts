/**
 * Furigana as data: a text split into segments, each with its reading when it holds kanji. Made on
 * the server (catalogue import) and at build time (interface texts) by a morphological analyser;
 * the browser only draws them as <ruby>.
 */
export type RubySegment = readonly [text: string, reading?: string];
export type Readings = Record<string, RubySegment[]>;

const KANJI = /[\u3005\u3006\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]/;
export const hasKanji = (text: string) => KANJI.test(text);

export const toHiragana = (text: string) =>
  text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * Puts a word's reading over its kanji only: 「引っ越し」 read ひっこし gives 引(ひ)っ越(こ)し, so the
 * kana already written are not repeated. When kana and reading do not line up, the whole word is read.
 */
export function alignReading(surface: string, reading: string): RubySegment[] {
  if (!hasKanji(surface)) return [[surface]];
  const read = toHiragana(reading);
  // Runs of kanji and of everything else, in order.
  const runs =
    surface.match(
      /[\u3005\u3006\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+|[^\u3005\u3006\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+/g,
    ) ?? [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = runs.map((r) => (hasKanji(r) ? '(.+?)' : `(${escape(toHiragana(r))})`)).join('');
  const m = new RegExp(`^${pattern}$`).exec(read);
  if (!m) return [[surface, read]];
  return runs.map((r, i) => (hasKanji(r) ? ([r, m[i + 1]!] as const) : ([r] as const)));
}

/** Joins neighbouring plain segments, so a sentence is a few segments, not one per word. */
export function compact(segments: RubySegment[]): RubySegment[] {
  const out: RubySegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last[1] === undefined && s[1] === undefined) out[out.length - 1] = [last[0] + s[0]];
    else out.push(s);
  }
  return out;
}
