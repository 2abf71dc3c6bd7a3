import { Fragment, useCallback, useEffect, type ReactNode } from 'react';
import { create } from 'zustand';
import type { Readings, RubySegment } from '../../../shared/i18n/ruby.ts';
import { FALLBACK_MARKER } from '../../../shared/i18n/localized.ts';
import { useAppStore } from '../store/appStore.ts';
import { useDisplayStore } from '../store/displayStore.ts';
import { translate, type Params } from './translate.ts';
import type { MessageKey } from './ja.ts';

interface RubyState {
  readings: Readings | null;
  loading: boolean;
}
const useRubyStore = create<RubyState>(() => ({ readings: null, loading: false }));

/**
 * The interface's readings come with the build, the catalogue's and the plan's from the server; only
 * when asked. Each shows as soon as it is here: the plan's are made by the server on the first ask and
 * may take it a few seconds, which the interface's must not wait for.
 */
async function loadReadings(): Promise<void> {
  if (useRubyStore.getState().loading) return;
  useRubyStore.setState({ loading: true });
  const add = (more: Readings) => useRubyStore.setState((s) => ({ readings: { ...more, ...s.readings } }));
  try {
    add(await import('virtual:ui-readings').then((m) => m.default));
  } catch {
    // Without readings the texts show as they are; the next switch-on tries again.
    useRubyStore.setState({ loading: false });
    return;
  }
  for (const url of ['/api/catalog/readings', '/api/hall/readings']) {
    fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<Readings>) : {}))
      .then(add, () => {});
  }
}

const rubyOf = (text: string, reading: string, key: number) => (
  <ruby key={key}>
    {text}
    <rp>(</rp>
    <rt>{reading}</rt>
    <rp>)</rp>
  </ruby>
);

/**
 * `r(text)` and `rt(key, params)`: Japanese text with readings over its kanji once the resident turns
 * furigana on, plain text otherwise. For reading text only, not for names of buttons: a reading inside
 * an accessible name would be read out twice.
 */
export function useRuby() {
  const lang = useAppStore((s) => s.lang);
  const on = useDisplayStore((s) => s.furigana) && (lang === 'ja' || lang === 'ja-easy');
  const readings = useRubyStore((s) => s.readings);
  useEffect(() => {
    if (on && !readings) void loadReadings();
  }, [on, readings]);

  const render = useCallback(
    (segments: readonly RubySegment[], params?: Params): ReactNode =>
      segments.map(([text, reading], i) =>
        reading ? (
          rubyOf(text, reading, i)
        ) : (
          <Fragment key={i}>
            {text.split(/(\{\w+\})/).map((part, j) => {
              const name = /^\{(\w+)\}$/.exec(part)?.[1];
              if (name === undefined || !params || !(name in params)) return part;
              const value = String(params[name]);
              const inner = readings?.[value];
              return <Fragment key={j}>{inner ? render(inner) : value}</Fragment>;
            })}
          </Fragment>
        ),
      ),
    [readings],
  );

  const r = useCallback(
    (text: string): ReactNode => {
      // Japanese standing in for a missing easy-Japanese text keeps its marker and gets its readings.
      const marked = text.startsWith(FALLBACK_MARKER);
      const plain = marked ? text.slice(FALLBACK_MARKER.length) : text;
      const segments = on ? readings?.[plain] : undefined;
      if (!segments) return text;
      return (
        <span className="with-ruby">
          {marked && FALLBACK_MARKER}
          {render(segments)}
        </span>
      );
    },
    [on, readings, render],
  );
  const rt = useCallback(
    (key: MessageKey, params?: Params): ReactNode => {
      const template = translate(lang, key);
      const segments = on ? readings?.[template] : undefined;
      return segments ? (
        <span className="with-ruby">{render(segments, params)}</span>
      ) : (
        translate(lang, key, params)
      );
    },
    [lang, on, readings, render],
  );
  return { r, rt, furigana: on };
}
