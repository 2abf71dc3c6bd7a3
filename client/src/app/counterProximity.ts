import { getHall } from '../../../shared/layout/hallLayout.ts';
import { infoDeskDestination } from '../../../shared/layout/destinations.ts';
import { localPose } from '../store/poses.ts';
import { useCatalogStore } from '../store/catalogStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { translate } from '../i18n/translate.ts';
import { localized } from '../../../shared/i18n/localized.ts';
import { openInfoDesk } from './guideActions.ts';

/** Close enough to be served; the panel opens once and not again until the resident has stepped away. */
const OPEN_WITHIN_M = 1.3;
const REARM_BEYOND_M = 3;

/**
 * Walking up to a counter opens its panel, and walking up to the information desk opens its guide — in the 3D view and the 2D view alike, since both move the same local avatar.
 */
export function startCounterProximity(): () => void {
  const hall = getHall();
  const info = infoDeskDestination(hall);
  const spots = [
    ...hall.layout.counters.map((c) => ({ key: c.id, x: c.serviceSpot[0], z: c.serviceSpot[1] })),
    ...(info ? [{ key: 'info-desk', x: info.at.x, z: info.at.z }] : []),
  ];
  let armed = new Set(spots.map((s) => s.key));
  let lastVersion = -1;
  const timer = setInterval(() => {
    if (localPose.version === lastVersion) return;
    lastVersion = localPose.version;
    const next = new Set(armed);
    for (const s of spots) {
      const d = Math.hypot(localPose.x - s.x, localPose.z - s.z);
      if (d > REARM_BEYOND_M) next.add(s.key);
      else if (d < OPEN_WITHIN_M && next.has(s.key)) {
        next.delete(s.key);
        const store = useCatalogStore.getState();
        const lang = useAppStore.getState().lang;
        if (s.key === 'info-desk') {
          openInfoDesk(false);
          useHallStore.getState().announce('guide.opened', { name: translate(lang, 'desk.heading') });
        } else {
          const c = hall.layout.counters.find((x) => x.id === s.key)!;
          store.openPanel({ kind: 'counter', counterId: s.key }, false);
          const name = translate(lang, 'hall.counterName', {
            number: c.number,
            name: localized(lang, c.name),
          });
          useHallStore.getState().announce('guide.opened', { name });
        }
      }
    }
    armed = next;
  }, 250);
  return () => clearInterval(timer);
}
