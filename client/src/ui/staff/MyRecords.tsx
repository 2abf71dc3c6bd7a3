import { useDeskTitle } from '../queue/useDeskTitle.ts';
import { useState } from 'react';
import type { ConsultationRecordView } from '../../../../shared/protocol/index.ts';
import { recordActions } from '../../app/recordActions.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

/** The consultation records this staff member may read (their own; all for admins), and the export. */
export function MyRecords() {
  const { t } = useT();
  const staff = useQueueStore((s) => s.staff);
  const deskTitle = useDeskTitle();
  const [records, setRecords] = useState<ConsultationRecordView[] | null>(null);
  if (!staff) return null;
  const counterName = (id: string) => deskTitle(id) || id;
  return (
    <details
      className="my-records"
      onToggle={(e) => e.currentTarget.open && void recordActions.mine().then(setRecords)}
    >
      <summary>{t('record.list')}</summary>
      {staff.role === 'admin' && (
        <a href="/api/records/export.csv" download>
          {t('record.export')}
        </a>
      )}
      {records && records.length === 0 && <p>{t('record.none')}</p>}
      {records && records.length > 0 && (
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.colNumber')}</th>
              <th scope="col">{t('record.counter')}</th>
              <th scope="col">{t('record.outcome')}</th>
              <th scope="col">{t('record.rating')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.ticketId}>
                <td>{r.ticketNumber}</td>
                <td>{counterName(r.counterId)}</td>
                <td>{r.outcome ? t(`record.outcome.${r.outcome}`) : t('record.noOutcome')}</td>
                <td>{r.rating ? `${r.rating}/5` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
