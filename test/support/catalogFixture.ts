import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_FILES, type CatalogFileKind, type CatalogSources } from '../../shared/catalog/catalogCsv.ts';

/** Writes catalogue sheets into a fresh temp folder (for CATALOG_DIR or the import CLI). */
export function writeCatalogDir(sources: CatalogSources): string {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-catalog-'));
  for (const kind of Object.keys(CATALOG_FILES) as CatalogFileKind[]) {
    writeFileSync(join(dir, CATALOG_FILES[kind].file), sources[kind]);
  }
  return dir;
}
