import { useId } from 'react';
import type { Figures } from '../../../../../shared/protocol/figures.ts';
import {
  figureTable,
  type FigureCell,
  type FigureChart,
} from '../../../../../shared/figures/figureTables.ts';
import { localeOf } from '../../../../../shared/i18n/languages.ts';
import { useT } from '../../../i18n/useT.ts';
import { useWhen } from '../../../i18n/useWhen.ts';
import { isMessageKey } from '../../../i18n/translate.ts';

/** Columns shown other than as plain numbers. */
const SHOWN_AS: Record<string, 'percent' | 'hour' | 'day' | 'when' | 'text'> = {
  noShowRate: 'percent',
  hour: 'hour',
  day: 'day',
  startsAt: 'when',
  counter: 'text',
  outcome: 'text',
  procedure: 'text',
  lifeEvent: 'text',
  briefing: 'text',
};

/**
 * One chart's figures as a real table (caption, column and row headers): what screen readers read
 * instead of the chart, and the same columns as the chart's CSV file.
 */
export function FigureTable({
  figures,
  chart,
  title,
}: {
  figures: Figures;
  chart: FigureChart;
  title: string;
}) {
  const { t, tl, lang } = useT();
  const when = useWhen();
  const id = useId();
  const locale = localeOf(lang);
  const { columns, rows } = figureTable(figures, chart, {
    name: (text, fallback) => (text ? tl(text) : fallback),
    outcome: (o) => t(`figures.outcome.${o}`),
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const show = (key: string, cell: FigureCell) => {
    if (cell === null) {
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('figures.none')}</span>
        </>
      );
    }
    if (typeof cell === 'string') {
      if (SHOWN_AS[key] === 'day') {
        return new Date(`${cell}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
      }
      return SHOWN_AS[key] === 'when' ? when(cell) : cell;
    }
    if (SHOWN_AS[key] === 'percent') return percent.format(cell);
    if (SHOWN_AS[key] === 'hour') return t('figures.hourValue', { hour: cell });
    return number.format(cell);
  };
  const isNumber = (key: string) => !['text', 'day', 'when'].includes(SHOWN_AS[key] ?? '');
  const header = (key: string) => {
    const k = `figures.col.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
  return (
    <div className="figure-table" role="region" aria-labelledby={`${id}-c`} tabIndex={0}>
      <table>
        <caption id={`${id}-c`}>
          {t('figures.tableCaption', { title, from: figures.from, to: figures.to })}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {header(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={columns[i]} scope="row">
                    {show(columns[i]!, cell)}
                  </th>
                ) : (
                  <td key={columns[i]} className={isNumber(columns[i]!) ? 'num' : undefined}>
                    {show(columns[i]!, cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
