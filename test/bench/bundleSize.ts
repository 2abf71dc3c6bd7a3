/**
 * Initial download of the client: what index.html loads before anything else, gzipped, and the lazily
 * loaded 3D chunk. Reads a production build in dist/client. Usage: npm run build && npm run bench:size
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = 'dist/client';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const size = (file: string) => {
  const buf = readFileSync(join(dir, file));
  return { raw: buf.byteLength, gz: gzipSync(buf, { level: 9 }).byteLength };
};
let totalGz = 0;
console.log('initial (loaded by index.html):');
for (const f of initial) {
  const s = size(f);
  totalGz += f.endsWith('.js') ? s.gz : 0;
  console.log(`  ${f}: ${kb(s.raw)} raw, ${kb(s.gz)} gzip`);
}
console.log(`  initial JS total: ${kb(totalGz)} gzip`);
console.log('lazy chunks:');
for (const f of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'))) {
  const rel = `assets/${f}`;
  if (initial.includes(rel)) continue;
  const s = size(rel);
  console.log(`  ${rel}: ${kb(s.raw)} raw, ${kb(s.gz)} gzip`);
}
const fonts = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.woff2'));
console.log(`font subsets shipped: ${fonts.length} woff2 files (loaded on demand by unicode-range)`);
