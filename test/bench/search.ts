/**
 * Catalogue search and the information desk's FAQ matching: time per query in memory (demo catalogue
 * and FAQ sheet, and both copied up to a large city's size) and over HTTP (GET /api/procedures?q=…,
 * POST /api/guide/questions on a booted server, real SQLite behind it).
 * Prints numbers; asserts nothing. Usage: npm run bench:search
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATALOG_FILES, readCatalog, type CatalogFileKind } from '../../shared/catalog/catalogCsv.ts';
import type { Catalog } from '../../shared/catalog/catalogSchema.ts';
import { createSearchIndex } from '../../shared/catalog/search.ts';
import { createFaqIndex } from '../../shared/catalog/faqMatch.ts';
import { japaneseTexts } from '../../shared/i18n/localized.ts';
import { furiganaFor } from '../../server/src/i18n/furigana.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { startTestServer } from '../support/testServer.ts';

const QUERIES = [
  '転入',
  'てんにゅう',
  'テンニュウ',
  'moving in',
  'movng in',
  '児童手当',
  'child alowance',
  '証明書',
  'certificate',
  '国保',
  'nursery',
  'ほいく',
  '介護',
  'long-term care',
  'xyzzy',
];
const ROUNDS = 200;

function demoCatalog(): Catalog {
  const dir = join(import.meta.dirname, '../../assets/catalog');
  const kinds = Object.keys(CATALOG_FILES) as CatalogFileKind[];
  const sources = Object.fromEntries(
    kinds.map((k) => [k, readFileSync(join(dir, CATALOG_FILES[k].file), 'utf8')]),
  ) as Record<CatalogFileKind, string>;
  return readCatalog(sources, new Set(hallFromFile().layout.counters.map((c) => c.id)));
}

/** The demo procedures copied `times` times (ids made unique) stand in for a big city's catalogue. */
function scaled(catalog: Catalog, times: number): Catalog {
  const procedures = Array.from({ length: times }, (_, i) =>
    catalog.procedures.map((p) => ({ ...p, id: i === 0 ? p.id : `${p.id}-${i}` })),
  ).flat();
  return { ...catalog, procedures };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

function report(label: string, samplesMs: number[]): void {
  const s = [...samplesMs].sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(
    `${label.padEnd(44)} p50 ${us(percentile(s, 50)).padStart(9)}  p95 ${us(percentile(s, 95)).padStart(9)}  max ${us(s.at(-1)!).padStart(9)}`,
  );
}

const demo = demoCatalog();
for (const times of [1, 10, 50]) {
  const catalog = scaled(demo, times);
  const t0 = performance.now();
  const index = createSearchIndex(catalog);
  const buildMs = performance.now() - t0;
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      index.search(q);
      samples.push(performance.now() - s);
    }
  }
  console.log(`in memory, ${catalog.procedures.length} procedures: index built in ${buildMs.toFixed(1)} ms`);
  report(`  search (${QUERIES.length} queries × ${ROUNDS})`, samples);
}

const QUESTIONS = [
  'じゅうみんひょう',
  'juminhyo',
  '住民票が欲しいです',
  'how do i get my residence certificat',
  'こどもがうまれた',
  '窓口は何時まで開いていますか',
  '我想要居住证明',
  'giay chung nhan cu tru',
  '犬の散歩コースを教えて',
  'where can I park my bicycle',
];
const readings = await furiganaFor(japaneseTexts(demo.faq));
for (const times of [1, 20, 100]) {
  const faq = Array.from({ length: times }, (_, i) =>
    demo.faq.map((f) => ({ ...f, id: i === 0 ? f.id : `${f.id}-${i}` })),
  ).flat();
  const t0 = performance.now();
  const index = createFaqIndex(faq, readings);
  const buildMs = performance.now() - t0;
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS / 4; r++) {
    for (const q of QUESTIONS) {
      const s = performance.now();
      index.match(q);
      samples.push(performance.now() - s);
    }
  }
  console.log(`in memory, ${faq.length} FAQ answers: index built in ${buildMs.toFixed(1)} ms`);
  report(`  guide (${QUESTIONS.length} questions × ${ROUNDS / 4})`, samples);
}

const server = await startTestServer({ GUIDE_QUESTIONS_PER_ADDRESS: '100000' });
try {
  const asked: number[] = [];
  for (let r = 0; r < 30; r++) {
    for (const q of QUESTIONS) {
      const s = performance.now();
      const res = await fetch(`${server.url}/api/guide/questions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: q, lang: 'ja' }),
      });
      await res.json();
      asked.push(performance.now() - s);
    }
  }
  report(`HTTP POST /api/guide/questions (${asked.length} requests)`, asked);
  const samples: number[] = [];
  for (let r = 0; r < 40; r++) {
    for (const q of QUERIES) {
      const lang = /[a-z]/.test(q) ? 'en' : 'ja';
      const s = performance.now();
      const res = await fetch(`${server.url}/api/procedures?q=${encodeURIComponent(q)}&lang=${lang}`);
      await res.json();
      samples.push(performance.now() - s);
    }
  }
  report(`HTTP GET /api/procedures?q= (${samples.length} requests)`, samples);
} finally {
  await server.stop();
}
