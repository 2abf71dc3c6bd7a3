import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/appStore.ts';
import { selfOf, useBriefingStore } from '../../store/briefingStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';

/** Where the side panel stands beside the hall rather than under it (base.css: max-width 900px). */
const BESIDE = '(min-width: 901px)';

const subscribe = (changed: () => void) => {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(BESIDE);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
};
const beside = () => typeof matchMedia === 'function' && matchMedia(BESIDE).matches;

/**
 * Whether a briefing is watched in the 3D auditorium, on the screen over the stage, with the briefing
 * in the side panel: in the 3D view, on a screen wide enough for the panel beside the hall, for someone
 * with a seat in the auditorium. Otherwise (the 2D view, a small screen, the overflow hall, staff who
 * run the briefing) the briefing takes the main area with the stage in it, as a panel.
 */
export function useStageInScene(): boolean {
  const wide = useSyncExternalStore(subscribe, beside);
  const threeD = useAppStore((s) => s.viewMode === '3d' && s.webglAvailable);
  const consulting = useQueueStore((s) => s.consultation !== null);
  const seated = useBriefingStore((s) => s.event !== null && !!selfOf(s)?.seat);
  return wide && threeD && !consulting && seated;
}
