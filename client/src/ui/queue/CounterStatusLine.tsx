import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

/** "受付中・職員2名・3人待ち" or "受付時間外・次は 11/26 8:30": the same words in the panel, list and plan. */
export function CounterStatusLine({ counterId }: { counterId: string }) {
  const { t, lang } = useT();
  const info = useQueueStore((s) => s.counters[counterId]);
  if (!info) return null;
  const parts = [t(`counter.status.${info.status}`)];
  if (info.status !== 'closed') parts.push(t('counter.staffOnDuty', { count: info.staffOnDuty }));
  if (info.waiting > 0 || info.status !== 'closed') parts.push(t('counter.waiting', { count: info.waiting }));
  if (!info.withinHours && info.opensAt) {
    const when = new Date(info.opensAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    parts.push(t('counter.opensAt', { when }));
  }
  return <span className={`counter-status status-${info.status}`}>{parts.join(t('counter.separator'))}</span>;
}
