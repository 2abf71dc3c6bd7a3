import { useHallStore } from '../store/hallStore.ts';
import { useT } from '../i18n/useT.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { useWaveStore } from '../store/waveStore.ts';
import { WaveButton } from './WaveButton.tsx';

/**
 * Who is here: how many in the building and in this hall room, the people near you by name, role and
 * area, and how many more a little further away (shown as markers, without names).
 */
export function PeoplePanel() {
  const { t, tl } = useT();
  const people = useHallStore((s) => s.people);
  const selfId = useHallStore((s) => s.selfId);
  const population = useHallStore((s) => s.population);
  const building = useHallStore((s) => s.building);
  const hallNumber = useHallStore((s) => s.hallNumber);
  const farCount = useHallStore((s) => s.farCount);
  const waving = useWaveStore((s) => s.waving);
  const areas = getHall().layout.areas;
  const areaName = (id: string) => {
    const a = areas.find((x) => x.id === id);
    return a ? tl(a.name) : '';
  };
  const list = Object.values(people).sort((a, b) =>
    a.id === selfId ? -1 : b.id === selfId ? 1 : a.nickname.localeCompare(b.nickname),
  );

  return (
    <section className="panel people" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.heading')}</h2>
      <p className="population">{t('people.building', { count: Math.max(building, population) })}</p>
      <p className="muted">{t('people.hallRoom', { hall: hallNumber, count: population })}</p>
      <WaveButton />
      <h3>{t('people.near')}</h3>
      <ul className="people-list">
        {list.map((p) => (
          <li key={p.id} className={p.away ? 'away' : undefined}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
            <span className="nickname">{p.nickname}</span>
            {p.id === selfId && <span className="you"> {t('people.you')}</span>}
            <span className="meta">
              {t(`role.${p.role}`)}
              {p.area && ` · ${areaName(p.area)}`}
              {p.away && ` · ${t('people.away')}`}
              {p.consulting && ` · ${t('people.consulting')}`}
              {p.seat && ` · ${t('people.seated')}`}
              {p.id in waving && ` · ${t('people.waving')}`}
            </span>
          </li>
        ))}
      </ul>
      {list.length <= 1 && <p className="empty">{t('people.none')}</p>}
      {farCount > 0 && <p className="muted">{t('people.further', { count: farCount })}</p>}
    </section>
  );
}
