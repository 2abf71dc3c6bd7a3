import type { Catalog, Procedure } from './catalogSchema.ts';
import type { LocalizedText } from '../i18n/localized.ts';

/**
 * Catalogue search for residents who type what they know: Japanese in kanji, hiragana or katakana,
 * full- or half-width, any language the catalogue is written in, or a Latin-script word with a typo
 * or without its accents. Pure and in memory: the catalogue is small.
 */

/** NFKC (full-width → half-width), lower case, katakana → hiragana, no spaces or separators. */
export function normalize(text: string): string {
  return stripAccents(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000・･\-_/.,、。()（）「」]/g, '');
}

/** "inscrição" and "inscricao", "đăng ký" and "dang ky" are the same word to someone on a phone. */
const stripAccents = (text: string) =>
  text
    .replace(/[\p{Script=Latin}]\p{M}*/gu, (c) => c.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/đ/gi, 'd');

const words = (text: string) =>
  stripAccents(text.normalize('NFKC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
    if (rowMin > max) return max + 1;
  }
  return prev[b.length]!;
}

/** A text in every language it is written in: a resident searches in theirs. */
const every = (text: LocalizedText): string[] => Object.values(text).filter((t): t is string => !!t);

interface Indexed {
  procedure: Procedure;
  names: string[];
  keywords: string[];
  body: string[];
  department: string[];
  englishWords: string[];
}

export interface SearchHit {
  procedure: Procedure;
  score: number;
}

export function createSearchIndex(catalog: Catalog) {
  const departments = new Map(catalog.departments.map((d) => [d.id, d]));
  const index: Indexed[] = catalog.procedures.map((p) => {
    const d = departments.get(p.departmentId);
    // Multi-word English keywords ("moving in") are matched joined, as normalize() joins the query.
    return {
      procedure: p,
      names: every(p.name).map(normalize),
      keywords: p.keywords.map(normalize),
      body: [...every(p.summary), ...every(p.audience)].map(normalize),
      department: d ? every(d.name).map(normalize) : [],
      englishWords: [...every(p.name).flatMap(words), ...p.keywords.flatMap(words)],
    };
  });

  function scoreExact(entry: Indexed, q: string): number {
    let best = 0;
    for (const n of entry.names)
      best = Math.max(best, n === q ? 100 : n.startsWith(q) ? 80 : n.includes(q) ? 60 : 0);
    for (const k of entry.keywords)
      best = Math.max(best, k === q ? 75 : k.startsWith(q) ? 55 : k.includes(q) ? 40 : 0);
    if (best === 0 && entry.body.some((b) => b.includes(q))) best = 20;
    if (best === 0 && entry.department.some((d) => d.includes(q))) best = 15;
    return best;
  }

  /** Every meaningful English word of the query must be close to some word of the procedure. */
  function scoreFuzzy(entry: Indexed, tokens: string[]): number {
    let total = 0;
    for (const t of tokens) {
      const max = t.length >= 7 ? 2 : 1;
      let best = 0;
      for (const w of entry.englishWords) {
        if (w === t) best = Math.max(best, 30);
        else if (w.startsWith(t)) best = Math.max(best, 25);
        else if (editDistance(t, w, max) <= max) best = Math.max(best, 20);
      }
      if (best === 0) return 0;
      total += best;
    }
    return total / tokens.length;
  }

  return {
    search(query: string, limit = 20): SearchHit[] {
      const q = normalize(query);
      if (q.length === 0) return [];
      const tokens = words(query).filter((t) => t.length >= 3);
      const hits: SearchHit[] = [];
      for (const entry of index) {
        let score = scoreExact(entry, q);
        if (score === 0 && tokens.length > 0) score = scoreFuzzy(entry, tokens);
        if (score > 0) hits.push({ procedure: entry.procedure, score });
      }
      return hits
        .sort((a, b) => b.score - a.score || a.procedure.name.ja.localeCompare(b.procedure.name.ja, 'ja'))
        .slice(0, limit);
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
