import type { CatalogService } from './catalogService.ts';
import type { Logger } from '../logger.ts';
import { pollInOrder } from './pollInOrder.ts';

/** How often each process asks whether the catalogue changed elsewhere: one small query. */
const CATALOG_CHECK_MS = 2000;

/**
 * Keeps this process's copy of the catalogue current when another process (an upload in the admin
 * console there) or the CLI stores a new one: the revision is read every CATALOG_CHECK_MS, and a newer
 * one is loaded and gets its furigana (made by whichever process gets there first, read by the rest).
 */
export function watchCatalog(catalog: CatalogService, log: Logger): () => void {
  return pollInOrder(
    () => catalog.refresh(),
    async (changed) => {
      if (!changed) return;
      log.info(`catalogue revision ${catalog.revision()} loaded`);
      await catalog.ensureReadings();
    },
    { everyMs: CATALOG_CHECK_MS, what: 'the catalogue for changes', log },
  ).stop;
}
