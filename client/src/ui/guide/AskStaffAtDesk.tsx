import { askStaffAtDesk } from '../../app/guideActions.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';
import { INFO_DESK_ID } from '../../../../shared/layout/infoDeskCounter.ts';

/**
 * "Ask a person": when guide staff work the information desk, the resident joins its queue and the
 * staff member who answers sees the conversation so far; otherwise it says when they are back.
 */
export function AskStaffAtDesk() {
  const { t } = useT();
  const formatWhen = useWhen();
  const desk = useQueueStore((s) => s.counters[INFO_DESK_ID]);
  const ticket = useQueueStore((s) => s.ticket);
  const isStaff = useQueueStore((s) => s.staff !== null);
  if (isStaff) return null;
  const open = !!desk && desk.withinHours && desk.status !== 'closed' && desk.staffOnDuty > 0;
  return (
    <section className="desk-staff" aria-label={t('desk.askStaff')}>
      {ticket?.counterId === INFO_DESK_ID ? (
        <p role="status">{t('desk.handedOver', { number: ticket.number })}</p>
      ) : open ? (
        <>
          <p className="muted">{t('desk.askStaffHint')}</p>
          <button type="button" onClick={askStaffAtDesk}>
            {t('desk.askStaff')}
          </button>
        </>
      ) : (
        <p className="muted">
          {desk?.opensAt
            ? t('desk.staffDeskBack', { when: formatWhen(desk.opensAt) })
            : t('desk.staffDeskAway')}
        </p>
      )}
    </section>
  );
}
