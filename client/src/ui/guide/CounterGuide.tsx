import { DetailsButton } from './DetailsButton.tsx';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { QueueBox } from '../queue/QueueBox.tsx';
import { ReservationBox } from '../queue/ReservationBox.tsx';
import { useQueueStore } from '../../store/queueStore.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useCounterTitle } from '../disaster/useCounterTitle.ts';

/** A counter's panel: the department, what it handles, and its procedures. */
export function CounterGuide({ counterId }: { counterId: string }) {
  const { t, tl } = useT();
  const { r } = useRuby();
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === counterId));
  const isStaff = useQueueStore((s) => s.staff !== null);
  const counterTitle = useCounterTitle();
  if (!counter) return null;
  const title = counterTitle(counter);
  return (
    <div className="counter-guide">
      <h2 tabIndex={-1}>{title}</h2>
      <p>{r(tl(counter.handles))}</p>
      {counter.departments.map((d) => (
        <p key={d.id} className="muted">
          {r(tl(d.description))}
        </p>
      ))}
      <button type="button" onClick={() => takeMeToCounter(counter.id, title)}>
        {t('proc.takeMeThere')}
      </button>
      <QueueBox counterId={counter.id} />
      {!isStaff && <ReservationBox counterId={counter.id} />}
      <h3>{t('guide.counterProcedures')}</h3>
      {counter.procedures.length === 0 && <p>{t('guide.noProcedures')}</p>}
      <ul className="procedure-list">
        {counter.procedures.map((p) => (
          <li key={p.id}>
            <span className="procedure-name">{r(tl(p.name))}</span>
            <span className="muted">{r(tl(p.summary))}</span>
            <ChannelBadge channel={p.channel} />
            <DetailsButton procedureId={p.id} name={tl(p.name)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
