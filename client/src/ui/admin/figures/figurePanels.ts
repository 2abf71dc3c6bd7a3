import type { Figures } from '../../../../../shared/protocol/figures.ts';
import type { FigureChart } from '../../../../../shared/figures/figureTables.ts';
import type { LocalizedText } from '../../../../../shared/i18n/localized.ts';
import type { MessageKey } from '../../../i18n/ja.ts';
import type { Params } from '../../../i18n/translate.ts';
import type { ChartSpec } from './drawChart.ts';

/** One part of the dashboard: a title, its charts, and the table (and CSV) they are drawn from. */
export interface FigurePanel {
  table: FigureChart;
  title: MessageKey;
  charts: { title: MessageKey; spec: ChartSpec }[];
  /** Nothing recorded in the range: the panel says so instead of drawing zeros. */
  empty: boolean;
}

interface Words {
  t(key: MessageKey, params?: Params): string;
  tl(text: LocalizedText): string;
}

const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
const allZero = (values: (number | null)[]) => values.every((v) => !v);

/** The dashboard's panels for figures of a range, with labels in the reader's language. */
export function figurePanels(f: Figures, { t, tl }: Words): FigurePanel[] {
  const name = (text: LocalizedText | null, fallback: string) => (text ? tl(text) : fallback);
  const col = (key: string) => t(`figures.col.${key}` as MessageKey);
  const single = (title: MessageKey, table: FigureChart, spec: ChartSpec): FigurePanel => ({
    table,
    title,
    charts: [{ title, spec }],
    empty: spec.series.every((s) => allZero(s.values)),
  });
  const counters = f.counters;
  return [
    single('figures.chart.byHour', 'byHour', {
      labels: f.byHour.map((h) => String(h.hour)),
      series: [
        { label: col('entries'), values: f.byHour.map((h) => h.entries), style: 'bars' },
        { label: col('peak'), values: f.byHour.map((h) => h.peak), style: 'line' },
      ],
    }),
    single('figures.chart.byDay', 'byDay', {
      labels: f.byDay.map((d) => shortDay(d.day)),
      series: [
        { label: col('entries'), values: f.byDay.map((d) => d.entries), style: 'bars' },
        { label: col('peak'), values: f.byDay.map((d) => d.peak), style: 'line' },
      ],
    }),
    {
      table: 'counters',
      title: 'figures.chart.counters',
      empty: counters.every((c) => c.tickets === 0),
      charts: [
        {
          title: 'figures.chart.counterTickets',
          spec: {
            horizontal: true,
            labels: counters.map((c) => name(c.name, c.counterId)),
            series: [
              { label: col('tickets'), values: counters.map((c) => c.tickets), style: 'bars' },
              { label: col('served'), values: counters.map((c) => c.served), style: 'bars' },
            ],
          },
        },
        {
          title: 'figures.chart.counterWaits',
          spec: {
            horizontal: true,
            labels: counters.map((c) => name(c.name, c.counterId)),
            series: [
              { label: col('waitP50Min'), values: counters.map((c) => c.waitP50Min), style: 'bars' },
              { label: col('waitP90Min'), values: counters.map((c) => c.waitP90Min), style: 'bars' },
            ],
          },
        },
      ],
    },
    single('figures.chart.outcomes', 'outcomes', {
      labels: f.outcomes.map((o) => t(`figures.outcome.${o.outcome}`)),
      series: [
        { label: col('consultations'), values: f.outcomes.map((o) => o.consultations), style: 'bars' },
      ],
    }),
    single('figures.chart.ratings', 'ratings', {
      labels: f.ratings.map((r) => String(r.rating)),
      series: [{ label: col('count'), values: f.ratings.map((r) => r.count), style: 'bars' }],
    }),
    single('figures.chart.procedures', 'procedures', {
      horizontal: true,
      labels: f.procedures.map((p) => name(p.name, p.procedureId)),
      series: [{ label: col('opens'), values: f.procedures.map((p) => p.opens), style: 'bars' }],
    }),
    single('figures.chart.checklists', 'checklists', {
      horizontal: true,
      labels: f.checklists.map((c) => name(c.name, c.lifeEventId)),
      series: [{ label: col('started'), values: f.checklists.map((c) => c.started), style: 'bars' }],
    }),
    single('figures.chart.briefings', 'briefings', {
      horizontal: true,
      labels: f.briefings.map((b) => name(b.title, `#${b.eventId}`)),
      series: [
        { label: col('joins'), values: f.briefings.map((b) => b.joins), style: 'bars' },
        { label: col('questions'), values: f.briefings.map((b) => b.questions), style: 'bars' },
      ],
    }),
    single('figures.chart.guide', 'guide', {
      labels: f.guide.map((g) => shortDay(g.day)),
      series: [
        { label: col('answered'), values: f.guide.map((g) => g.answered), style: 'bars' },
        { label: col('unanswered'), values: f.guide.map((g) => g.unanswered), style: 'bars' },
      ],
    }),
  ];
}
