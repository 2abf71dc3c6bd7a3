import { useCatalogStore } from '../../store/catalogStore.ts';
import { useT } from '../../i18n/useT.ts';

/** "What is it about?": one of the counter's procedures, or none. Labelled for screen readers. */
export function TopicSelect(props: {
  id: string;
  counterId: string;
  value: string;
  onChange(v: string): void;
}) {
  const { t, tl } = useT();
  const procedures = useCatalogStore((s) => s.counters.find((c) => c.id === props.counterId)?.procedures);
  return (
    <>
      <label htmlFor={props.id}>{t('queue.topic')}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('queue.topicAny')}</option>
        {(procedures ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {tl(p.name)}
          </option>
        ))}
      </select>
    </>
  );
}
