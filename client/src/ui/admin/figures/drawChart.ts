import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Drawing with uPlot, loaded only when a chart is shown (`await import()`): the library stays out of
 * the first download and out of the admin page's own chunk. Colours come from the page's theme
 * variables, so the high-contrast theme draws its own.
 */

export interface SeriesSpec {
  label: string;
  values: (number | null)[];
  style: 'bars' | 'line';
}

export interface ChartSpec {
  /** One label per point on the x axis (hours, days, counters…). */
  labels: string[];
  series: SeriesSpec[];
  /** Bars along the vertical axis, for long names (procedures, counters). */
  horizontal?: boolean;
}

export interface DrawnChart {
  resize(width: number): void;
  destroy(): void;
}

const COLOURS = ['--brand', '--warn', '--ok', '--bad'];
const ROW_PX = 26;
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** How far a bar series sits from its point: side by side when a chart has two (tickets, served). */
function barLayout(index: number, count: number): uPlot.Series.BarsPathBuilderOpts {
  if (count <= 1) return { size: [0.6, 48] };
  return { size: [0.8 / count, 28], align: index === 0 ? -1 : 1 };
}

export function drawChart(target: HTMLElement, spec: ChartSpec, width: number): DrawnChart {
  const ink = themeColour('--ink', '#1d2733');
  const line = themeColour('--line', '#d5dbe1');
  const font = `13px ${getComputedStyle(document.body).fontFamily}`;
  const n = spec.labels.length;
  const bars = spec.series.filter((s) => s.style === 'bars');
  // Counts get whole-number ticks (no 2.5 people); minutes may have halves.
  const counts = spec.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const height = spec.horizontal ? Math.max(160, n * ROW_PX + 60) : 260;
  // Axis labels are short; the table beside the chart has the full names.
  const short = (text: string) => (text.length > 12 ? `${text.slice(0, 11)}…` : text);
  const label = (_u: uPlot, splits: number[]) => splits.map((i) => short(spec.labels[i] ?? ''));
  const axis = { stroke: ink, font, grid: { stroke: line, width: 1 }, ticks: { stroke: line } };

  const opts: uPlot.Options = {
    width,
    height,
    // Names and colours only: the values are in the table beside the chart.
    legend: { show: spec.series.length > 1, live: false },
    cursor: { show: false },
    scales: {
      x: {
        time: false,
        range: [-0.5, n - 0.5],
        // Horizontal: the first (largest) at the top, as the table lists them.
        ...(spec.horizontal ? { ori: 1, dir: -1 } : {}),
      },
      y: {
        range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1],
        ...(spec.horizontal ? { ori: 0 } : {}),
      },
    },
    axes: [
      {
        ...axis,
        side: spec.horizontal ? 3 : 2,
        values: label,
        // Every counter, procedure or hour is named; a long range of days thins its labels itself.
        ...(n <= 31
          ? { splits: () => spec.labels.map((_, i) => i) }
          : { incrs: [1, 2, 5, 7, 14, 30, 61, 91] }),
        size: spec.horizontal ? 180 : 50,
        grid: { show: false },
      },
      { ...axis, side: spec.horizontal ? 2 : 3, ...(counts ? { incrs: WHOLE } : {}) },
    ],
    series: [
      { label: '', value: (_u, v) => (v === null ? '' : (spec.labels[v] ?? '')) },
      ...spec.series.map((s, i): uPlot.Series => {
        const colour = themeColour(COLOURS[i % COLOURS.length]!, '#1c4e80');
        if (s.style === 'line') {
          return { label: s.label, stroke: colour, width: 2, points: { show: true, size: 6, fill: colour } };
        }
        const b = bars.indexOf(s);
        return {
          label: s.label,
          stroke: colour,
          fill: colour,
          width: 0,
          paths: uPlot.paths.bars!(barLayout(b, bars.length)),
          points: { show: false },
        };
      }),
    ],
  };
  const data: uPlot.AlignedData = [spec.labels.map((_, i) => i), ...spec.series.map((s) => s.values)];
  const chart = new uPlot(opts, data, target);
  return {
    resize: (w) => chart.setSize({ width: w, height }),
    destroy: () => chart.destroy(),
  };
}
