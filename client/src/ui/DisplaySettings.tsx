import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { CONTRASTS, TEXT_SIZES, useDisplayStore } from '../store/displayStore.ts';

/** One radio group: a legend and its options, the checked one being `value`. */
function ChoiceGroup<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label(option: T): string;
  onChange(option: T): void;
  className?(option: T): string;
}) {
  return (
    <fieldset className="choice-row">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className={props.className?.(o)}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === o}
            onChange={() => props.onChange(o)}
          />
          {props.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** One on/off setting, its label beside the box. */
function Switch(props: { label: string; on: boolean; onChange(on: boolean): void }) {
  return (
    <label className="setting-switch">
      <input type="checkbox" checked={props.on} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

function Choices() {
  const { t } = useT();
  const {
    textSize,
    contrast,
    furigana,
    light,
    lightChosen,
    setTextSize,
    setContrast,
    setFurigana,
    setLight,
  } = useDisplayStore();
  const name = useId();
  return (
    <>
      <ChoiceGroup
        legend={t('display.textSize')}
        name={`${name}-size`}
        options={TEXT_SIZES}
        value={textSize}
        label={(s) => t(`display.size.${s}`)}
        onChange={setTextSize}
        className={(s) => `text-size-${s}`}
      />
      <ChoiceGroup
        legend={t('display.contrast')}
        name={`${name}-contrast`}
        options={CONTRASTS}
        value={contrast}
        label={(c) => t(`display.contrast.${c}`)}
        onChange={setContrast}
      />
      <Switch label={t('display.furigana')} on={furigana} onChange={setFurigana} />
      <Switch label={t('display.light')} on={light} onChange={setLight} />
      {light && !lightChosen && <p className="setting-note">{t('display.lightAuto')}</p>}
    </>
  );
}

/** Text size, contrast and furigana: open on the entry screen, folded into a menu in the hall's top bar. */
export function DisplaySettings({ compact = false }: { compact?: boolean }) {
  const { t } = useT();
  return compact ? (
    <details className="display-settings compact">
      <summary>{t('display.heading')}</summary>
      <div className="display-menu">
        <Choices />
      </div>
    </details>
  ) : (
    <section className="display-settings" aria-label={t('display.heading')}>
      <Choices />
    </section>
  );
}
