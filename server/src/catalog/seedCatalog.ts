import { existsSync } from 'node:fs';
import { readCatalog } from '../../../shared/catalog/catalogCsv.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { CatalogService } from '../services/catalogService.ts';
import { readSources } from './catalogFiles.ts';

/**
 * On first start (empty catalogue) the catalogue in `dir` is imported; later starts keep what is stored,
 * so edits made with `npm run catalog:import` survive restarts. A bad seed stops the start-up loudly.
 */
export async function seedCatalogIfEmpty(service: CatalogService, hall: Hall, dir: string): Promise<boolean> {
  if (!(await service.isEmpty()) || !existsSync(dir)) {
    await service.load();
    return false;
  }
  const catalog = readCatalog(readSources([dir], service.get()), counterIds(hall));
  await service.replace(catalog);
  return true;
}

export const counterIds = (hall: Hall) => new Set(hall.layout.counters.map((c) => c.id));
