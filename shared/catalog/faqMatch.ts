import { toRomaji } from 'wanakana';
import type { FaqEntry } from './catalogSchema.ts';
import type { Readings } from '../i18n/ruby.ts';
import { editDistance, normalize } from './search.ts';

/**
 * Finds the guide's answer to a question typed any way a resident types it: in their language, in
 * kanji, kana or romaji (「住民票」, 「じゅうみんひょう」, "juminhyo"), full-width, with a typo, in other
 * words than the sheet's. Each question variant is compared as text (character pairs, so Chinese,
 * Korean and Japanese need no word splitting), as sound (loose romaji of its reading, so kanji, kana
 * and romaji meet) and, for Latin script, word by word with typos allowed. Pure and in memory.
 */

/** A match the guide answers with; below it the guide says it does not know (and counts the question). */
export const ANSWER_SCORE = 0.5;
/** Close enough to offer as "did you mean". */
export const RELATED_SCORE = 0.35;

/** Words that carry no topic in the Latin-script languages of the hall (English, Portuguese, Vietnamese). */
const STOP_WORDS = new Set(
  (
    'a an the to of in on at for and or is are be i me my we our you your it do does did can could ' +
    'how where what when which who want need would like please get have has about with there here this ' +
    'o os as um uma de do da dos das para por que e eu meu minha no na em como onde quero preciso posso ' +
    'toi muon can lam the nao o dau la cua va co khong duoc cho'
  ).split(' '),
);

const LATIN = /^[\p{Script=Latin}\p{M}\d\s\p{P}]+$/u;
const JAPANESE_KANA = /[\u3040-\u30ff]/;

/** Long vowels and doubled letters vary between people (juuminhyou, jūminhyō, juminhyo): fold them. */
const foldRomaji = (romaji: string) =>
  romaji
    .replace(/ou/g, 'o')
    .replace(/([aeiou])\1+/g, '$1')
    .replace(/[^a-z0-9]/g, '');

/** Latin words without accents or stop words. */
function contentWords(text: string): string[] {
  return normalizeWords(text).filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}
const normalizeWords = (text: string) =>
  text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

/** The reading of a Japanese text where the catalogue has one (kanji → kana), else the text. */
function readingOf(text: string, readings: Readings): string {
  const segments = readings[text];
  return segments ? segments.map(([surface, reading]) => reading ?? surface).join('') : text;
}

interface Forms {
  flat: string;
  /** Loose romaji: from kana (Japanese) or from Latin letters; null for Chinese, Korean, kanji-only. */
  sound: string | null;
  words: string[];
  latin: boolean;
  /** Character pairs of flat and sound, counted once (a question is compared with every variant). */
  flatPairs: Pairs;
  soundPairs: Pairs | null;
}

function formsOf(text: string, readings: Readings = {}): Forms {
  const latin = LATIN.test(text);
  const read = normalize(readingOf(text, readings));
  let sound: string | null = null;
  if (latin) sound = foldRomaji(normalize(text));
  else if (JAPANESE_KANA.test(read)) {
    const romaji = toRomaji(read);
    // Kanji the catalogue has no reading for stay kanji: the sound form only holds where all is kana.
    if (/^[\x20-\x7e]*$/.test(romaji)) sound = foldRomaji(romaji);
  }
  const flat = normalize(text);
  return {
    flat,
    sound,
    words: latin ? contentWords(text) : [],
    latin,
    flatPairs: pairs(flat),
    soundPairs: sound === null ? null : pairs(sound),
  };
}

interface Pairs {
  counts: Map<string, number>;
  total: number;
}

function pairs(text: string): Pairs {
  const counts = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const p = chars[i]! + chars[i + 1]!;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return { counts, total: Math.max(1, chars.length - 1) };
}

/** Dice's coefficient over character pairs: 1 for the same text, tolerant of a typo or a changed ending. */
function dice(a: Pairs, b: Pairs): number {
  if (a.counts.size === 0 || b.counts.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [p, n] of small.counts) shared += Math.min(n, large.counts.get(p) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

/** A short question found inside a longer variant ("住民票" in 「住民票の写しがほしい」) counts for much. */
function containment(q: string, v: string): number {
  if (q.length < 2 || v.length < 2) return 0;
  const [short, long] = q.length <= v.length ? [q, v] : [v, q];
  if (!long.includes(short)) return 0;
  return 0.6 + 0.4 * ([...short].length / [...long].length);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length <= 3 || b.length <= 3) return false;
  const max = Math.max(a.length, b.length) >= 7 ? 2 : 1;
  return editDistance(a, b, max) <= max;
}

/**
 * Dice over words, a word matching another within a typo or two. One shared word of several ("talk to
 * a person" and "can I talk in English") is a hint, not an answer.
 */
function wordDice(q: string[], v: string[]): number {
  if (q.length === 0 || v.length === 0) return 0;
  const matched = q.filter((w) => v.some((x) => sameWord(w, x))).length;
  const score = (2 * matched) / (q.length + v.length);
  return matched === 1 && q.length > 1 ? score * 0.8 : score;
}

function similarity(q: Forms, v: Forms): number {
  if (q.flat === v.flat) return 1;
  let best = q.latin ? 0 : Math.max(dice(q.flatPairs, v.flatPairs), containment(q.flat, v.flat));
  // Sound is where kana and romaji meet; two Latin texts are compared by their words instead.
  if (q.sound && v.sound && q.soundPairs && v.soundPairs && q.sound.length >= 3 && !(q.latin && v.latin)) {
    best = Math.max(best, dice(q.soundPairs, v.soundPairs), containment(q.sound, v.sound));
  }
  if (q.latin && v.latin) best = Math.max(best, wordDice(q.words, v.words));
  return best;
}

/** A keyword the question holds ("じゅうみんひょう", "juminhyo"): a strong sign, whatever else it says. */
function keywordScore(q: Forms, keywords: Forms[]): number {
  let best = 0;
  for (const k of keywords) {
    if (k.flat.length >= 2 && q.flat.includes(k.flat)) best = Math.max(best, 0.75);
    else if (q.sound && k.sound && k.sound.length >= 4 && q.sound.includes(k.sound))
      best = Math.max(best, 0.7);
    else if (q.latin && k.latin && q.words.some((w) => k.words.some((x) => sameWord(w, x))))
      best = Math.max(best, 0.6);
  }
  return best;
}

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
}

export function createFaqIndex(faq: readonly FaqEntry[], readings: Readings = {}) {
  const index = faq.map((entry) => ({
    entry,
    variants: Object.values(entry.questions)
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .map((v) => formsOf(v, readings)),
    keywords: entry.keywords.map((k) => formsOf(k)),
  }));

  return {
    /** Entries at least RELATED_SCORE alike, best first (scores 0–1). */
    match(question: string, limit = 4): FaqMatch[] {
      const q = formsOf(question.slice(0, 200));
      if (q.flat.length === 0) return [];
      const out: FaqMatch[] = [];
      for (const { entry, variants, keywords } of index) {
        let score = keywordScore(q, keywords);
        for (const v of variants) score = Math.max(score, similarity(q, v));
        if (score >= RELATED_SCORE) out.push({ entry, score });
      }
      return out.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
export type FaqIndex = ReturnType<typeof createFaqIndex>;
