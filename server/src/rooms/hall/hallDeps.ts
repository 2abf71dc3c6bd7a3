import type { Config } from '../../config.ts';
import type { Hall } from '../../../../shared/layout/hallLayout.ts';
import type { MovementService } from '../../services/movementService.ts';
import type { VisitService } from '../../services/visitService.ts';
import type { QueueService } from '../../services/queueService.ts';
import type { ConsultationService } from '../consultation/consultationInvites.ts';
import type { CatalogService } from '../../services/catalogService.ts';
import type { AuthService } from '../../auth/authService.ts';
import type { RecordService } from '../../services/recordService.ts';
import type { BookingService } from '../../services/bookingService.ts';
import type { Logger } from '../../logger.ts';
import type { Desk } from '../../desk/desk.ts';
import type { Metrics } from '../../metrics.ts';
import type { JoinGuard, JoinGuardOptions } from '../common/joinGuard.ts';
import type { Redis } from 'ioredis';
import type { VisitorTokens } from '../../auth/visitorTokens.ts';
import type { CodeGuessGuard } from '../../limits/codeGuesses.ts';
import type { AnnouncementBoard } from '../../services/announcementBoard.ts';
import type { DisasterBoard } from '../../services/disasterBoard.ts';
import type { HallLayoutBoard } from '../../hall/hallLayoutBoard.ts';

/** What a hall room needs from the rest of the server, passed in rather than imported as globals. */
export interface HallDeps {
  config: Config;
  hall: Hall;
  movement: MovementService;
  visits: VisitService;
  queue: QueueService;
  consultations: ConsultationService;
  catalog: CatalogService;
  auth: AuthService;
  /** Counts wrong booking codes per address (check-in guesses). */
  codeGuesses: CodeGuessGuard;
  /** Signs and checks residents' visitor tokens. */
  visitors: VisitorTokens;
  records: RecordService;
  bookings: BookingService;
  log: Logger;
  /** What is announced to everyone in the hall now (this process's copy of the shared list). */
  announcements: AnnouncementBoard;
  /** Whether the city hall is in disaster mode (this process's copy). */
  disaster: DisasterBoard;
  /** Which hall plan is in use; rooms move their people when an admin puts another live. */
  layouts: Pick<HallLayoutBoard, 'version' | 'subscribe'>;
  /** The process's desk: counters and queues for every hall room. */
  desk: Desk;
  metrics: Metrics;
  /** The per-address reservation cap shared by all processes (several processes); else counted here. */
  joinGuard?: (opts: JoinGuardOptions) => JoinGuard;
  /** Counters every process shares (numbers taken per address), with several processes. */
  redis?: Redis;
}
