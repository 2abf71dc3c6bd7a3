import { create } from 'zustand';
import type { LifeEvent } from '../../../shared/catalog/catalogSchema.ts';
import type { ChecklistView, CounterView, ProcedureView } from '../net/catalogApi.ts';

/** What the guide panel shows. One at a time, so keyboard and screen-reader users never lose their place. */
export type GuidePanel =
  | { kind: 'counter'; counterId: string }
  | { kind: 'procedure'; procedureId: string }
  | { kind: 'lifeEvents'; lifeEventId?: string }
  | { kind: 'infoDesk' }
  | { kind: 'checklist' }
  | { kind: 'search' };

interface CatalogState {
  counters: CounterView[];
  lifeEvents: LifeEvent[];
  procedures: Record<string, ProcedureView>;
  panel: GuidePanel | null;
  /** False when the panel opened by itself (walking up to a counter): focus then stays where it was. */
  panelTakesFocus: boolean;
  query: string;
  results: ProcedureView[] | null;
  checklist: ChecklistView | null;
  loadError: boolean;
  setCounters(c: CounterView[]): void;
  setLifeEvents(e: LifeEvent[]): void;
  putProcedure(p: ProcedureView): void;
  openPanel(panel: GuidePanel | null, takeFocus?: boolean): void;
  setSearch(query: string, results: ProcedureView[] | null): void;
  setChecklist(c: ChecklistView | null): void;
  setLoadError(failed: boolean): void;
}

export const useCatalogStore = create<CatalogState>((set) => ({
  counters: [],
  lifeEvents: [],
  procedures: {},
  panel: null,
  panelTakesFocus: true,
  query: '',
  results: null,
  checklist: null,
  loadError: false,
  setCounters: (counters) => set({ counters }),
  setLifeEvents: (lifeEvents) => set({ lifeEvents }),
  putProcedure: (p) => set((s) => ({ procedures: { ...s.procedures, [p.id]: p } })),
  openPanel: (panel, takeFocus = true) => set({ panel, panelTakesFocus: takeFocus }),
  setSearch: (query, results) => set({ query, results }),
  setChecklist: (checklist) => set({ checklist }),
  setLoadError: (loadError) => set({ loadError }),
}));
