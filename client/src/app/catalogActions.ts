import { catalogApi } from '../net/catalogApi.ts';
import { useCatalogStore, type GuidePanel } from '../store/catalogStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { walkTo } from './localMovement.ts';
import { guideAlongLine } from './guideLineActions.ts';
import { counterDestination } from '../../../shared/layout/destinations.ts';

/** Catalogue actions the UI may call; they fetch through client/net and write the catalogue store. */
export async function loadCatalog(): Promise<void> {
  const store = useCatalogStore.getState();
  try {
    const [counters, lifeEvents] = await Promise.all([catalogApi.counters(), catalogApi.lifeEvents()]);
    store.setCounters(counters);
    store.setLifeEvents(lifeEvents);
    store.setLoadError(false);
  } catch {
    store.setLoadError(true);
  }
}

export function openPanel(panel: GuidePanel | null): void {
  useCatalogStore.getState().openPanel(panel);
}

export async function openProcedure(id: string): Promise<void> {
  const store = useCatalogStore.getState();
  if (!store.procedures[id]) store.putProcedure(await catalogApi.procedure(id));
  store.openPanel({ kind: 'procedure', procedureId: id });
}

/** Fetches a procedure into the store without opening it (a name shared in a chat); failures are quiet. */
export function fetchProcedure(id: string): void {
  const store = useCatalogStore.getState();
  if (store.procedures[id]) return;
  catalogApi.procedure(id).then(store.putProcedure, () => {});
}

let searchSeq = 0;
export async function search(query: string): Promise<void> {
  const seq = ++searchSeq;
  const store = useCatalogStore.getState();
  const q = query.trim();
  if (q.length === 0) return store.setSearch(query, null);
  const results = await catalogApi.search(q.slice(0, 100), useAppStore.getState().lang).catch(() => []);
  // Only the latest query's answer counts; slower earlier answers are dropped.
  if (seq === searchSeq) {
    for (const p of results) store.putProcedure(p);
    store.setSearch(query, results);
    store.openPanel({ kind: 'search' });
  }
}

export async function makeChecklist(lifeEventId: string, answers: Record<string, boolean>): Promise<void> {
  const checklist = await catalogApi.checklist(lifeEventId, answers);
  const store = useCatalogStore.getState();
  store.setChecklist(checklist);
  store.openPanel({ kind: 'checklist' });
}

/** Walks the avatar to the counter that serves a procedure or department ("take me there"). */
export function takeMeToCounter(counterId: string, label: string): boolean {
  const counter = getHall().layout.counters.find((c) => c.id === counterId);
  if (!counter) return false;
  const dest = counterDestination(counter);
  if (!walkTo(dest.at, label, dest.face)) return false;
  guideAlongLine(counter.areaId, label);
  return true;
}

export function recordLinkOpened(procedureId: string): void {
  catalogApi.linkOpened(procedureId);
}
