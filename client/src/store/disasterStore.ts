import { create } from 'zustand';
import { DISASTER_OFF, type DisasterView } from '../../../shared/protocol/disaster.ts';
import type { Hotline, Shelter } from '../../../shared/catalog/catalogSchema.ts';
import type { ProcedureView } from '../net/catalogApi.ts';

/** A shelter with what staff last said about it. */
export interface ShelterView extends Shelter {
  open: boolean;
  note: string;
  updatedAt: string | null;
}

/** Everything the disaster panel shows (read over HTTP: shelters change during the event). */
export interface DisasterInfo {
  shelters: ShelterView[];
  hotlines: Hotline[];
  procedures: ProcedureView[];
}

interface DisasterState {
  /** Disaster mode as the hall room says (on entering and whenever it is switched). */
  view: DisasterView;
  info: DisasterInfo | null;
  setView(view: DisasterView): void;
  setInfo(info: DisasterInfo): void;
}

export const useDisasterStore = create<DisasterState>((set) => ({
  view: DISASTER_OFF,
  info: null,
  setView: (view) => set({ view }),
  setInfo: (info) => set({ info }),
}));
