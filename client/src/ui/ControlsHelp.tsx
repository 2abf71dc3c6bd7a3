import { useT } from '../i18n/useT.ts';

/** A native disclosure: keyboard and screen-reader friendly without extra code. */
export function ControlsHelp() {
  const { t } = useT();
  return (
    <details className="controls-help">
      <summary>{t('hud.controls')}</summary>
      <p>{t('hud.controlsText')}</p>
      <p>{t('hud.controlsView')}</p>
    </details>
  );
}
