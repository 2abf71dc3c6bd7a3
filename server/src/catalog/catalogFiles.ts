import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  CATALOG_FILES,
  LATER_SHEETS,
  type CatalogFileKind,
  type CatalogSources,
} from '../../../shared/catalog/catalogCsv.ts';
import { writeCatalog } from '../../../shared/catalog/catalogCsvWrite.ts';
import type { Catalog } from '../../../shared/catalog/catalogSchema.ts';

const KINDS = Object.keys(CATALOG_FILES) as CatalogFileKind[];

export function kindOfFile(path: string): CatalogFileKind | undefined {
  return KINDS.find((k) => CATALOG_FILES[k].file === basename(path));
}

/**
 * Sources for an import: a folder holding the eight files (the later ones, faq.csv, shelters.csv and hotlines.csv, may be missing), or single files named like them. Kinds not
 * given are taken from `current` (the catalogue already stored), so one sheet can be replaced alone
 * and is still cross-checked against the rest.
 */
export function readSources(paths: string[], current: Catalog): CatalogSources {
  const sources = writeCatalog(current);
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) {
      for (const k of KINDS) {
        const file = join(path, CATALOG_FILES[k].file);
        // A folder exported before these sheets existed lacks them: what is stored stays.
        if (!existsSync(file) && LATER_SHEETS.has(k)) continue;
        if (!existsSync(file)) throw new Error(`${path}: missing ${CATALOG_FILES[k].file}`);
        sources[k] = readFileSync(file, 'utf8');
      }
    } else {
      const kind = kindOfFile(path);
      if (!kind) {
        const names = KINDS.map((k) => CATALOG_FILES[k].file).join(', ');
        throw new Error(`${path}: the file name says which sheet it is; expected one of ${names}`);
      }
      sources[kind] = readFileSync(path, 'utf8');
    }
  }
  return sources;
}

export function writeSources(dir: string, catalog: Catalog): string[] {
  mkdirSync(dir, { recursive: true });
  const sources = writeCatalog(catalog);
  return KINDS.map((k) => {
    const file = join(dir, CATALOG_FILES[k].file);
    writeFileSync(file, sources[k]);
    return file;
  });
}
