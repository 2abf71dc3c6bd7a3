import { useState } from 'react';
import { loadUnanswered } from '../../app/guideActions.ts';
import type { UnansweredQuestion } from '../../store/guideStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';
import { can } from '../../../../shared/auth/roles.ts';
import { localeOf } from '../../../../shared/i18n/languages.ts';

/** Admins: the questions the information desk's guide could not answer, so the FAQ sheet can grow. */
export function UnansweredQuestions() {
  const { t, lang } = useT();
  const staff = useQueueStore((s) => s.staff);
  const [rows, setRows] = useState<UnansweredQuestion[] | null>(null);
  const [failed, setFailed] = useState(false);
  if (!staff || !can(staff.role, 'manageStaff')) return null;
  return (
    <details
      className="unanswered"
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        setFailed(false);
        loadUnanswered().then(setRows, () => setFailed(true));
      }}
    >
      <summary>{t('desk.unanswered')}</summary>
      {failed && <p className="form-error">{t('desk.unansweredFailed')}</p>}
      {rows && rows.length === 0 && <p>{t('desk.unansweredNone')}</p>}
      {rows && rows.length > 0 && (
        <table className="queue-table">
          <caption>{t('desk.unansweredCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.colQuestion')}</th>
              <th scope="col">{t('desk.colAsks')}</th>
              <th scope="col">{t('desk.colLastAsked')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.text}>
                <td>{r.text}</td>
                <td>{r.asks}</td>
                <td>
                  {new Date(`${r.lastAsked}T00:00:00Z`).toLocaleDateString(localeOf(lang), {
                    timeZone: 'UTC',
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
