import type { Config } from '../config.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { MovementService } from '../services/movementService.ts';
import type { VisitService } from '../services/visitService.ts';
import type { Logger } from '../logger.ts';

/** What a hall room needs from the rest of the server, passed in rather than imported as globals. */
export interface HallDeps {
  config: Config;
  hall: Hall;
  movement: MovementService;
  visits: VisitService;
  log: Logger;
}
