import { hallLoaded, hallVersion, putHallInUse } from '../../../shared/layout/hallLayout.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';
import { useLayoutStore } from '../store/layoutStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { loadCatalog } from './catalogActions.ts';

/** A process that has not yet read a plan put live through another one catches up within 2 s. */
const CATCH_UP_DELAYS_MS = [500, 1000, 2000, 4000];

let wanted: string | null = null;
let running = false;

/**
 * Fetches the hall plan and puts it in use. Called before entering, and again when the hall room says
 * an admin put another plan live: then it fetches until it has that version (the answer may come from
 * a process a moment behind), residents hear that the plan changed, and the counters' numbers and
 * names are fetched again with it.
 */
export async function loadHallPlan(version: string | null = null): Promise<void> {
  wanted = version ?? wanted;
  if (running) return;
  running = true;
  try {
    for (let attempt = 0; ; attempt++) {
      const { layout, version: got } = await fetchHallLayout();
      const changed = hallLoaded() && got !== hallVersion();
      putHallInUse(layout, got);
      if (changed) {
        useHallStore.getState().announce('hall.planChanged');
        void loadCatalog();
      }
      if (!wanted || got === wanted || attempt >= CATCH_UP_DELAYS_MS.length) break;
      await new Promise((r) => setTimeout(r, CATCH_UP_DELAYS_MS[attempt]));
    }
  } catch {
    useLayoutStore.getState().setFailed(true);
  } finally {
    running = false;
  }
}

/** The hall room names the plan in use on entering and on every change; fetch it only when it differs. */
export function planInUseIs(version: string): void {
  if (version !== hallVersion()) void loadHallPlan(version);
}
