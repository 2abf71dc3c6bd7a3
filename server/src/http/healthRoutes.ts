import type { Application, Request, Response } from 'express';
import { matchMaker } from '@colyseus/core';
import type { VisitService } from '../services/visitService.ts';
import type { Metrics } from '../metrics.ts';
import { HALL_ROOM } from '../../../shared/constants.ts';

export interface HealthInfo {
  version: string;
  startedAt: number;
  visits: VisitService;
  metrics: Metrics;
}

/** `GET /api/health`: liveness plus the few numbers an operator checks first. No personal data. */
export function mountHealthRoutes(app: Application, info: HealthInfo): void {
  app.get('/api/health', async (_req: Request, res: Response) => {
    const rooms = await matchMaker.query({});
    const clients = rooms.reduce((sum, r) => sum + r.clients, 0);
    const today = await info.visits.today();
    res.json({
      status: 'ok',
      version: info.version,
      uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
      rooms: rooms.length,
      hallRooms: rooms.filter((r) => r.name === HALL_ROOM).length,
      clients,
      entriesToday: today.entries,
    });
  });

  // Prometheus scrapes this: numbers only, no personal data.
  app.get('/metrics', async (_req: Request, res: Response) => {
    res.set('Content-Type', info.metrics.registry.contentType);
    res.end(await info.metrics.registry.metrics());
  });
}
