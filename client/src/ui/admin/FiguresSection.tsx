import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { adminErrorText } from './adminErrors.ts';
import './figures/figures.css';
import type { Figures } from '../../../../shared/protocol/figures.ts';
import { MAX_RANGE_DAYS, rangeProblem } from '../../../../shared/protocol/figures.ts';
import { addDays, isCalendarDay } from '../../../../shared/figures/days.ts';
import { figuresActions, type DayRange } from '../../app/figuresActions.ts';
import { useT } from '../../i18n/useT.ts';
import { FigureChart } from './figures/FigureChart.tsx';
import { FigureTable } from './figures/FigureTable.tsx';
import { figurePanels } from './figures/figurePanels.ts';

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; figures: Figures };

/**
 * The city's figures for admins: a period, then every chart with its table and CSV file. Opens on the
 * last 7 days the server picks (in the city's calendar, which this browser may not share).
 */
export function FiguresSection() {
  const { t, tl } = useT();
  const id = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<DayRange>({ from: '', to: '' });
  const [today, setToday] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);

  const fetchRange = useCallback((range?: DayRange) => {
    setLoad({ state: 'loading' });
    figuresActions.figures(range).then(
      (figures) => {
        setLoad({ state: 'ready', figures });
        setDraft({ from: figures.from, to: figures.to });
        // The first answer, without a range, ends on the city's today.
        if (!range) setToday(figures.to);
      },
      (error: unknown) => setLoad({ state: 'failed', error }),
    );
  }, []);
  useEffect(() => fetchRange(), [fetchRange]);

  const show = (range: DayRange) => {
    const bad =
      !isCalendarDay(range.from) || !isCalendarDay(range.to) || rangeProblem(range.from, range.to) !== null;
    setProblem(bad);
    if (!bad) fetchRange(range);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    show(draft);
  };
  const preset = (days: number) => today && show({ from: addDays(today, 1 - days), to: today });

  const figures = load.state === 'ready' ? load.figures : null;
  const panels = useMemo(() => (figures ? figurePanels(figures, { t, tl }) : []), [figures, t, tl]);
  const range = figures ? { from: figures.from, to: figures.to } : null;

  return (
    <div className="figures">
      <p>{t('figures.lead')}</p>
      <form className="figures-range" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('figures.range')}</legend>
          <label htmlFor={`${id}-from`}>{t('figures.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <label htmlFor={`${id}-to`}>{t('figures.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <button type="submit" className="primary">
            {t('figures.show')}
          </button>
          {today && (
            <span className="figures-presets" role="group" aria-label={t('figures.presets')}>
              <button type="button" onClick={() => preset(1)}>
                {t('figures.today')}
              </button>
              <button type="button" onClick={() => preset(7)}>
                {t('figures.last7')}
              </button>
              <button type="button" onClick={() => preset(30)}>
                {t('figures.last30')}
              </button>
            </span>
          )}
        </fieldset>
        {problem && (
          <p role="alert" className="form-error">
            {t('figures.badRange', { max: MAX_RANGE_DAYS })}
          </p>
        )}
      </form>

      <div role="status" className="figures-status">
        {load.state === 'loading' && <p>{t('figures.loading')}</p>}
        {figures && (
          <p>{t('figures.shown', { from: figures.from, to: figures.to, zone: figures.timeZone })}</p>
        )}
      </div>
      {load.state === 'failed' && (
        <p role="alert" className="form-error">
          {t('figures.failed', { reason: adminErrorText(load.error, t) })}
        </p>
      )}

      {figures && range && (
        <>
          <p className="figures-now">
            {t('figures.peopleNow')}{' '}
            <strong>{t('figures.peopleNowValue', { count: figures.peopleNow })}</strong>
          </p>
          {panels.map((panel) => (
            <section key={panel.table} className="figure-panel" aria-labelledby={`${id}-${panel.table}`}>
              <h3 id={`${id}-${panel.table}`}>{t(panel.title)}</h3>
              {panel.empty ? (
                <p className="muted">{t('figures.empty')}</p>
              ) : (
                <>
                  {panel.charts.map((c) => (
                    <div key={c.title} className="figure-chart-box">
                      {panel.charts.length > 1 && <h4>{t(c.title)}</h4>}
                      <FigureChart spec={c.spec} />
                    </div>
                  ))}
                  <FigureTable figures={figures} chart={panel.table} title={t(panel.title)} />
                </>
              )}
              <a
                className="figure-csv"
                href={figuresActions.csvUrl(panel.table, range)}
                download
                aria-label={t('figures.csvOf', { title: t(panel.title) })}
              >
                {t('figures.csv')}
              </a>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
