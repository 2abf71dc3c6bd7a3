import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import kuromoji from 'kuromoji';
import {
  alignReading,
  compact,
  hasKanji,
  type Readings,
  type RubySegment,
} from '../../../shared/i18n/ruby.ts';

/**
 * Readings for Japanese texts from kuromoji's analyser and its IPA dictionary, both from the npm
 * package (nothing fetched). The dictionary takes a second and some 100 MB to load, so it is loaded
 * once, only where readings are made (catalogue import, the client build), never per request.
 */
let tokenizer: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | null = null;

function loadTokenizer() {
  tokenizer ??= new Promise((resolve, reject) => {
    const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t)));
  });
  return tokenizer;
}

export async function furiganaFor(texts: Iterable<string>): Promise<Readings> {
  const wanted = [...new Set(texts)].filter(hasKanji);
  if (wanted.length === 0) return {};
  const t = await loadTokenizer();
  const out: Readings = {};
  for (const text of wanted) out[text] = readText(t, text);
  // Readings are made once per import or build: the dictionary (some 100 MB) is not kept for nothing.
  tokenizer = null;
  return out;
}

function readText(t: kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): RubySegment[] {
  const segments: RubySegment[] = [];
  // Placeholders ({name}) are kept whole, so the browser can put a value in their place.
  for (const part of text.split(/(\{\w+\})/)) {
    if (!part) continue;
    if (/^\{\w+\}$/.test(part)) {
      segments.push([part]);
      continue;
    }
    for (const token of t.tokenize(part)) {
      const reading = token.reading && token.reading !== '*' ? token.reading : null;
      // 「14日」 is read じゅうよっか, not what the dictionary gives for 日 alone; a number with its
      // counter is read without help, so it gets none rather than a wrong one.
      const afterNumber = /[\d０-９]$/.test(segments.at(-1)?.[0] ?? '');
      if (afterNumber && /^[日月年時分]$/.test(token.surface_form)) {
        segments.push([token.surface_form]);
        continue;
      }
      segments.push(
        ...(reading ? alignReading(token.surface_form, reading) : [[token.surface_form] as const]),
      );
    }
  }
  return compact(segments);
}
