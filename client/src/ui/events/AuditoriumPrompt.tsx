import { useEffect, useState } from 'react';
import { useHallStore } from '../../store/hallStore.ts';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { mySeat, seatHere, sit, standUp } from '../../app/seating.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';

/**
 * Walking into the auditorium: the live briefing and a join button (else the next one, and when), and
 * sitting down on the seat the avatar stands at (or standing up). The same in the 3D and the 2D view.
 */
export function AuditoriumPrompt() {
  const { t, tl } = useT();
  const area = useHallStore((s) => (s.selfId ? s.people[s.selfId]?.area : undefined));
  const seated = useHallStore((s) => (s.selfId ? s.people[s.selfId]?.seat : '')) ?? '';
  const live = useBriefingStore((s) => s.events.find((e) => e.status === 'live'));
  const next = useBriefingStore((s) => s.events.find((e) => e.status === 'scheduled'));
  const when = useWhen();
  const inBriefing = useBriefingStore((s) => s.event !== null);
  const [freeSeat, setFreeSeat] = useState<string | null>(null);
  const inside = area === 'auditorium';
  useEffect(() => {
    if (!inside) return;
    const timer = setInterval(() => setFreeSeat(mySeat() ? null : (seatHere()?.id ?? null)), 400);
    return () => clearInterval(timer);
  }, [inside]);
  if (!inside || inBriefing) return null;
  return (
    <section className="auditorium-prompt" aria-labelledby="auditorium-prompt-heading">
      <h2 id="auditorium-prompt-heading">{t('events.auditorium')}</h2>
      {live ? (
        <>
          <p aria-live="polite">{t('events.inAuditorium', { title: tl(live.title) })}</p>
          <button type="button" className="primary" onClick={() => void briefingActions.join(live)}>
            {t('events.join', { title: tl(live.title) })}
          </button>
        </>
      ) : next ? (
        // Polite: the hall's news of the start replaces this with the join button while they wait.
        <p aria-live="polite">
          {t('events.nextInAuditorium', { title: tl(next.title), when: when(next.startsAt) })}
        </p>
      ) : (
        <p className="muted">{t('events.sign.none')}</p>
      )}
      <div className="ticket-actions">
        {seated ? (
          <button type="button" onClick={standUp}>
            {t('hall.standUp')}
          </button>
        ) : (
          <>
            {freeSeat && (
              <button
                type="button"
                onClick={() => {
                  const seat = seatHere();
                  if (seat) sit(seat);
                }}
              >
                {t('hall.sitHere')}
              </button>
            )}
            <button type="button" onClick={() => briefingActions.walkToFreeSeat()}>
              {t('hall.walkToFreeSeat')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
