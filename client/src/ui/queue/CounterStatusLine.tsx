import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';

/** "受付中・職員2名・呼出中：12, 15・3人待ち" or "受付時間外・次は 11/26 8:30": the same words in the panel, list and plan. */
export function CounterStatusLine({ counterId }: { counterId: string }) {
  const { t } = useT();
  const formatWhen = useWhen();
  const info = useQueueStore((s) => s.counters[counterId]);
  if (!info) return null;
  const parts = [t(`counter.status.${info.status}`)];
  if (info.status !== 'closed') parts.push(t('counter.staffOnDuty', { count: info.staffOnDuty }));
  // The number board in words. Not a live region: the resident whose number it is hears it (callAlert.ts).
  if (info.calling.length > 0) parts.push(t('counter.calling', { numbers: info.calling.join(', ') }));
  if (info.waiting > 0 || info.status !== 'closed') parts.push(t('counter.waiting', { count: info.waiting }));
  if (!info.withinHours && info.opensAt) {
    const when = formatWhen(info.opensAt);
    parts.push(t('counter.opensAt', { when }));
  }
  return <span className={`counter-status status-${info.status}`}>{parts.join(t('counter.separator'))}</span>;
}
