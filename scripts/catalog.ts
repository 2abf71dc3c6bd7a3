/**
 * The catalogue from the command line, for the city's clerks.
 *   npm run catalog:import -- assets/catalog            (a folder with the six CSV files)
 *   npm run catalog:import -- my-edits/procedures.csv   (one sheet, checked against the rest)
 *   npm run catalog:export -- out-folder
 * Import checks every row first and reports each bad one with its file, line and reason; if any row is
 * bad, nothing is imported. Uses DATABASE_FILE like the server.
 */
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { createCatalogService } from '../server/src/services/catalogService.ts';
import { readSources, writeSources } from '../server/src/catalog/catalogFiles.ts';
import { counterIds } from '../server/src/catalog/seedCatalog.ts';
import { CatalogError, readCatalog } from '../shared/catalog/catalogCsv.ts';
import { createHallLayoutService } from '../server/src/hall/hallLayoutService.ts';
import { readHallFile } from '../server/src/hall/layoutCheck.ts';
import { createHall } from '../shared/layout/hallLayout.ts';

const [command, ...paths] = process.argv.slice(2);
const config = loadConfig();
const db = openDatabase(config.DATABASE_URL ?? config.DATABASE_FILE);
let exitCode = 0;
try {
  await migrateToLatest(db);
  const service = createCatalogService(db);
  await service.load();
  if (command === 'import' && paths.length > 0) {
    // Checked against the plan the server uses: the one an admin put live, else HALL_FILE.
    const fromFile = readHallFile(config.HALL_FILE);
    const plan = (await createHallLayoutService(db, () => fromFile).live()) ?? fromFile;
    const catalog = readCatalog(readSources(paths, service.get()), counterIds(createHall(plan.layout)));
    await service.replace(catalog);
    await service.ensureReadings();
    console.log(
      `imported ${catalog.departments.length} departments, ${catalog.procedures.length} procedures, ` +
        `${catalog.lifeEvents.length} life events, ${catalog.rules.length} rules into ${config.DATABASE_FILE}`,
    );
  } else if (command === 'export' && paths.length === 1) {
    for (const f of writeSources(paths[0]!, service.get())) console.log(`wrote ${f}`);
  } else {
    console.error('usage: catalog import <folder or file.csv>... | catalog export <folder>');
    exitCode = 2;
  }
} catch (err) {
  if (err instanceof CatalogError) {
    console.error(`${err.message}\nNothing was imported.`);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  exitCode = 1;
} finally {
  await db.destroy();
}
process.exit(exitCode);
