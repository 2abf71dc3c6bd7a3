import type { Application, Request, Response } from 'express';
import { sendCsv } from './sendCsv.ts';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { FiguresService } from '../figures/figuresService.ts';
import type { CityClock } from '../services/usageCounts.ts';
import { FIGURE_CHARTS, figureTable, type CellWords } from '../../../shared/figures/figureTables.ts';
import { readDayRange } from './dayRange.ts';
import { sendBadRequest } from './refusals.ts';
import { staffGuard } from './staffGuard.ts';

const ChartParam = z.strictObject({ chart: z.enum(FIGURE_CHARTS) });

/** A CSV file is the city's own record: names in Japanese, outcomes as their codes. */
const csvWords: CellWords = {
  name: (text, fallback) => text?.ja ?? fallback,
  outcome: (o) => o,
};

/**
 * The city's figures, for admins: `GET /api/figures?from=&to=` (JSON, every chart) and
 * `GET /api/figures/:chart.csv?from=&to=` (one chart as a table). Aggregates only.
 */
export function mountFiguresRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    figures: FiguresService;
    clock: CityClock;
    /** People in the hall rooms now, over every process. */
    peopleNow(): Promise<number>;
  },
): void {
  const admin = staffGuard(deps.auth)('viewFigures');
  const range = (req: Request) => readDayRange(req.query, { to: deps.clock.day(), days: 7 });

  app.get('/api/figures', admin, async (req: Request, res: Response) => {
    const r = range(req);
    if (!r.ok) return sendBadRequest(res, r.message);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.figures.figures(r.from, r.to, await deps.peopleNow()));
  });

  app.get('/api/figures/:chart.csv', admin, async (req: Request, res: Response) => {
    const chart = ChartParam.safeParse(req.params);
    if (!chart.success) return sendBadRequest(res, chart.error);
    const r = range(req);
    if (!r.ok) return sendBadRequest(res, r.message);
    const figures = await deps.figures.figures(r.from, r.to, await deps.peopleNow());
    const { columns, rows } = figureTable(figures, chart.data.chart, csvWords);
    sendCsv(res, `figures-${chart.data.chart}-${r.from}_${r.to}.csv`, [columns, ...rows]);
  });
}
