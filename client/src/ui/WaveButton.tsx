import { wave } from '../app/waveActions.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useWaveStore } from '../store/waveStore.ts';
import { useT } from '../i18n/useT.ts';

/**
 * Waves to the people near by; a plain button, so Tab and Enter or Space work, in the 2D view too. It
 * rests while our own wave is showing (the server would refuse a stream of them anyway).
 */
export function WaveButton() {
  const { t } = useT();
  const connected = useHallStore((s) => s.status === 'connected');
  const self = useHallStore((s) => s.selfId);
  const mine = useWaveStore((s) => self !== null && self in s.waving);
  return (
    <p className="wave">
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus of whoever just pressed it. */}
      <button
        type="button"
        onClick={() => !mine && wave()}
        disabled={!connected}
        aria-disabled={mine}
        aria-describedby="wave-hint"
      >
        {t('people.wave')}
      </button>{' '}
      <span id="wave-hint" className="muted">
        {t('people.waveHint')}
      </span>
    </p>
  );
}
