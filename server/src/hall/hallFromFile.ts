import { fileURLToPath } from 'node:url';
import { getHall, putHallInUse, type Hall } from '../../../shared/layout/hallLayout.ts';
import { readHallFile } from './layoutCheck.ts';

/** The demo hall shipped in assets/ (HALL_FILE's default), wherever the process was started from. */
export const DEMO_HALL_FILE = fileURLToPath(new URL('../../../assets/halls/demo.json', import.meta.url));

/** For tools and tests that run without a server: puts a hall file's layout in use and returns it. */
export function hallFromFile(path: string = DEMO_HALL_FILE): Hall {
  const { layout, version } = readHallFile(path);
  putHallInUse(layout, version);
  return getHall();
}
