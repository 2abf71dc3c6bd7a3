import { getHall } from '../../../shared/layout/hallLayout.ts';
import { CounterStatusLine } from './queue/CounterStatusLine.tsx';
import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';
import { walkTo } from '../app/localMovement.ts';
import { openPanel } from '../app/catalogActions.ts';
import { openInfoDesk } from '../app/guideActions.ts';
import { useCounterTitle } from './disaster/useCounterTitle.ts';
import {
  areaDestination,
  counterDestination,
  infoDeskDestination,
} from '../../../shared/layout/destinations.ts';
import { useRuby } from '../i18n/Ruby.tsx';

/**
 * Everything in the hall as an accessible list: areas with their counters and people, each with a
 * "Go here" button that walks the avatar there. The same list drives the 2D view and the side panel.
 */
export function HallDirectory({ compact = false }: { compact?: boolean }) {
  const { t, tl } = useT();
  const { r } = useRuby();
  const hall = getHall();
  const areaCounts = useHallStore((s) => s.areaCounts);
  const people = useHallStore((s) => s.people);
  const selfId = useHallStore((s) => s.selfId);
  const myArea = selfId ? people[selfId]?.area : undefined;
  const info = infoDeskDestination(hall);
  const counterTitle = useCounterTitle();
  const Heading = compact ? 'h3' : 'h2';

  return (
    <section className={`panel directory${compact ? ' compact' : ''}`} aria-labelledby="directory-heading">
      {compact ? (
        <h2 id="directory-heading">{t('hall.heading')}</h2>
      ) : (
        <h2 id="directory-heading" className="visually-hidden">
          {t('hall.heading')}
        </h2>
      )}
      <ul className="areas">
        {hall.layout.areas.map((area) => {
          const name = tl(area.name);
          const counters = hall.layout.counters.filter((c) => c.areaId === area.id);
          const here = Object.values(people).filter((p) => p.area === area.id && p.id !== selfId);
          return (
            <li key={area.id} className={area.id === myArea ? 'area current' : 'area'}>
              <div className="area-head">
                <Heading className="area-name">
                  {name}
                  {area.id === myArea && <span className="here-badge">{t('hall.youAreHere')}</span>}
                </Heading>
                <span className="count">{t('hall.areaPeople', { count: areaCounts[area.id] ?? 0 })}</span>
                <button
                  type="button"
                  aria-label={t('hall.goTo', { name })}
                  onClick={() => walkTo(areaDestination(hall, area), name)}
                >
                  {t('hall.goHere')}
                </button>
              </div>
              {!compact && <p className="area-description">{r(tl(area.description))}</p>}
              {area.kind === 'lobby' && info && (
                <ul className="counters">
                  <li>
                    <span>{t('hall.infoDesk')}</span>
                    <button type="button" onClick={() => openInfoDesk()}>
                      {t('desk.open')}
                    </button>
                    <button type="button" onClick={() => openPanel({ kind: 'lifeEvents' })}>
                      {t('life.open')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('hall.goTo', { name: t('hall.infoDesk') })}
                      onClick={() => walkTo(info.at, t('hall.infoDesk'), info.face)}
                    >
                      {t('hall.goHere')}
                    </button>
                  </li>
                </ul>
              )}
              {counters.length > 0 && (
                <ul className="counters">
                  {counters.map((c) => {
                    const label = counterTitle(c);
                    const dest = counterDestination(c);
                    return (
                      <li key={c.id}>
                        <span>
                          <span className="counter-name">{label}</span>
                          {!compact && <span className="counter-handles">{r(tl(c.handles))}</span>}
                          <CounterStatusLine counterId={c.id} />
                        </span>
                        <button
                          type="button"
                          aria-label={t('guide.openCounter', { name: label })}
                          onClick={() => openPanel({ kind: 'counter', counterId: c.id })}
                        >
                          {t('guide.details')}
                        </button>
                        <button
                          type="button"
                          aria-label={t('hall.goTo', { name: label })}
                          onClick={() => walkTo(dest.at, label, dest.face)}
                        >
                          {t('hall.goHere')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
              {!compact && here.length > 0 && (
                <p className="area-people">{here.map((p) => p.nickname).join('、')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
