import { selfOf, useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * For a weak connection: the stage video stops coming (Janus stops sending it), the sound, slides and
 * captions continue. Only with the SFU, and only for those who receive the stage.
 * Usage: `<AudioOnlyToggle />` inside the briefing view.
 */
export function AudioOnlyToggle() {
  const { t } = useT();
  const sfu = useBriefingStore((s) => s.stage?.mode === 'sfu');
  const on = useBriefingStore((s) => s.audioOnly);
  const role = useBriefingStore((s) => selfOf(s)?.role);
  if (!sfu || role === 'presenter') return null;
  return (
    <p className="audio-only">
      <button
        type="button"
        aria-pressed={on}
        aria-describedby="audio-only-hint"
        onClick={() => void briefingActions.audioOnly(!on)}
      >
        {t('briefing.audioOnly')}
      </button>{' '}
      <span id="audio-only-hint" className="muted">
        {on ? t('briefing.audioOnlyOn') : t('briefing.audioOnlyHint')}
      </span>
    </p>
  );
}
