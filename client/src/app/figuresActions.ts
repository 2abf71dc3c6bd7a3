import { figuresApi, type DayRange } from '../net/figuresApi.ts';
import { ApiError } from '../net/catalogApi.ts';
import type { FigureChart } from '../../../shared/figures/figureTables.ts';

export type { DayRange };

/** What the figures dashboard and the open data links may ask the server for. */
export const figuresActions = {
  figures: (range?: DayRange) => figuresApi.figures(range),
  csvUrl: (chart: FigureChart, range: DayRange) => figuresApi.csvUrl(chart, range),
  openData: () => figuresApi.openData(),
  openDataUrl: (link: string) => figuresApi.openDataUrl(link),
  openDataIndexUrl: () => figuresApi.openDataIndexUrl(),
  /** The server's reason for a refusal (a bad range says which day), else what went wrong. */
  reason: (err: unknown) => (err instanceof ApiError ? err.message : String(err)),
};
