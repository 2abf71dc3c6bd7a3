import type { LocalizedText } from '../i18n/localized.ts';
import type { Figures, OutcomeKey } from '../protocol/figures.ts';

export type FigureCell = string | number | null;

/** How names and outcomes are written: Japanese and codes in a CSV file, the reader's language on screen. */
export interface CellWords {
  name(text: LocalizedText | null, fallback: string): string;
  outcome(outcome: OutcomeKey): string;
}

interface Column<R> {
  /** The CSV header, and the end of the i18n key `figures.col.<key>` of the table's header. */
  key: string;
  value(row: R, words: CellWords): FigureCell;
}

type Row<C extends FigureChart> = Figures[C][number];
type Columns = { [C in FigureChart]: Column<Row<C>>[] };

export const FIGURE_CHARTS = [
  'byHour',
  'byDay',
  'counters',
  'outcomes',
  'ratings',
  'procedures',
  'checklists',
  'briefings',
  'guide',
] as const;
export type FigureChart = (typeof FIGURE_CHARTS)[number];

/**
 * Each chart of the figures as a table: the same columns make the CSV download and the table beside the
 * chart (screen readers read the table), so both always say the same.
 */
export const FIGURE_COLUMNS: Columns = {
  byHour: [
    { key: 'hour', value: (r) => r.hour },
    { key: 'entries', value: (r) => r.entries },
    { key: 'peak', value: (r) => r.peak },
  ],
  byDay: [
    { key: 'day', value: (r) => r.day },
    { key: 'entries', value: (r) => r.entries },
    { key: 'peak', value: (r) => r.peak },
  ],
  counters: [
    { key: 'counter', value: (r, w) => w.name(r.name, r.counterId) },
    { key: 'counterNumber', value: (r) => r.number },
    { key: 'tickets', value: (r) => r.tickets },
    { key: 'called', value: (r) => r.called },
    { key: 'served', value: (r) => r.served },
    { key: 'noShows', value: (r) => r.noShows },
    { key: 'noShowRate', value: (r) => r.noShowRate },
    { key: 'waits', value: (r) => r.waits },
    { key: 'waitP50Min', value: (r) => r.waitP50Min },
    { key: 'waitP90Min', value: (r) => r.waitP90Min },
    { key: 'staffHours', value: (r) => r.staffHours },
    { key: 'servedPerStaffHour', value: (r) => r.servedPerStaffHour },
  ],
  outcomes: [
    { key: 'outcome', value: (r, w) => w.outcome(r.outcome) },
    { key: 'consultations', value: (r) => r.consultations },
  ],
  ratings: [
    { key: 'rating', value: (r) => r.rating },
    { key: 'count', value: (r) => r.count },
  ],
  procedures: [
    { key: 'procedure', value: (r, w) => w.name(r.name, r.procedureId) },
    { key: 'opens', value: (r) => r.opens },
  ],
  checklists: [
    { key: 'lifeEvent', value: (r, w) => w.name(r.name, r.lifeEventId) },
    { key: 'started', value: (r) => r.started },
  ],
  briefings: [
    { key: 'briefing', value: (r, w) => w.name(r.title, `#${r.eventId}`) },
    { key: 'startsAt', value: (r) => r.startsAt },
    { key: 'joins', value: (r) => r.joins },
    { key: 'peakAudience', value: (r) => r.peakAudience },
    { key: 'questions', value: (r) => r.questions },
  ],
  guide: [
    { key: 'day', value: (r) => r.day },
    { key: 'answered', value: (r) => r.answered },
    { key: 'unanswered', value: (r) => r.unanswered },
  ],
};

/** One chart's header keys and rows of cells. */
export function figureTable(
  figures: Figures,
  chart: FigureChart,
  words: CellWords,
): { columns: string[]; rows: FigureCell[][] } {
  const columns = FIGURE_COLUMNS[chart] as Column<unknown>[];
  const rows = figures[chart] as unknown[];
  return {
    columns: columns.map((c) => c.key),
    rows: rows.map((r) => columns.map((c) => c.value(r, words))),
  };
}
