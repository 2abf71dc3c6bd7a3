import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { CONTRASTS, TEXT_SIZES, useDisplayStore } from '../store/displayStore.ts';

function Choices() {
  const { t } = useT();
  const { textSize, contrast, setTextSize, setContrast } = useDisplayStore();
  const name = useId();
  return (
    <>
      <fieldset className="choice-row">
        <legend>{t('display.textSize')}</legend>
        {TEXT_SIZES.map((s) => (
          <label key={s} className={`text-size-${s}`}>
            <input
              type="radio"
              name={`${name}-size`}
              checked={textSize === s}
              onChange={() => setTextSize(s)}
            />
            {t(`display.size.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-row">
        <legend>{t('display.contrast')}</legend>
        {CONTRASTS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name={`${name}-contrast`}
              checked={contrast === c}
              onChange={() => setContrast(c)}
            />
            {t(`display.contrast.${c}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** Text size and contrast: open on the entry screen, folded into a menu in the hall's top bar. */
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
