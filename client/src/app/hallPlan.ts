import { hallLoaded, hallVersion, putHallInUse } from '../../../shared/layout/hallLayout.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';
import { useLayoutStore } from '../store/layoutStore.ts';
import { useHallStore } from '../store/hallStore.ts';

let loading: Promise<void> | null = null;

/**
 * Fetches the hall plan and puts it in use. Called before entering, and again when the hall room says
 * an admin put another plan live (then residents hear that the plan changed).
 */
export function loadHallPlan(): Promise<void> {
  loading ??= fetchHallLayout()
    .then(({ layout, version }) => {
      const changed = hallLoaded() && version !== hallVersion();
      putHallInUse(layout, version);
      if (changed) useHallStore.getState().announce('hall.planChanged');
    })
    .catch(() => useLayoutStore.getState().setFailed(true))
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The hall room names the plan in use on entering and on every change; fetch it only when it differs. */
export function planInUseIs(version: string): void {
  if (version !== hallVersion()) void loadHallPlan();
}
