import { useMemo } from 'react';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { RemoveButton } from './RemoveButton.tsx';

/** For hosts and moderators: raised hands and invited speakers, to invite, end a turn, lower or remove. */
export function HandsList() {
  const { t } = useT();
  const people = useBriefingStore((s) => s.people);
  const hands = useMemo(() => Object.values(people).filter((p) => p.hand || p.speaking), [people]);
  return (
    <>
      <h3>{t('briefing.hands')}</h3>
      {hands.length === 0 && <p className="muted">{t('briefing.noHands')}</p>}
      <ul>
        {hands.map((p) => (
          <li key={p.id}>
            {p.nickname} {p.speaking && <span className="muted">{t('briefing.speaking')}</span>}
            <button type="button" onClick={() => briefingActions.lowerHand(p.id)}>
              {t('briefing.lowerHandOf', { name: p.nickname })}
            </button>
            {p.speaking ? (
              <button type="button" onClick={() => briefingActions.stopSpeaking(p.id)}>
                {t('briefing.stopSpeakingOf', { name: p.nickname })}
              </button>
            ) : (
              <button type="button" onClick={() => briefingActions.invite(p.id)}>
                {t('briefing.inviteOf', { name: p.nickname })}
              </button>
            )}
            {p.role === 'attendee' && (
              <RemoveButton name={p.nickname} onRemove={() => briefingActions.remove(p.id)} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
