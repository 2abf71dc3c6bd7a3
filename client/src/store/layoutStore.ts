import { create } from 'zustand';
import { onHallChange } from '../../../shared/layout/hallLayout.ts';

interface LayoutState {
  /** The version of the plan in use; null until it has arrived. */
  version: string | null;
  /** The plan could not be fetched (offline, server down): the screen offers to try again. */
  failed: boolean;
  setFailed(failed: boolean): void;
}

/** Lets React redraw what depends on the hall plan (the 3D scene, the 2D plan, the directory) when it changes. */
export const useLayoutStore = create<LayoutState>((set) => ({
  version: null,
  failed: false,
  setFailed: (failed) => set({ failed }),
}));

onHallChange((version) => useLayoutStore.setState({ version, failed: false }));
