import { disasterApi } from '../net/disasterApi.ts';
import { useDisasterStore } from '../store/disasterStore.ts';
import { useCatalogStore } from '../store/catalogStore.ts';

/** Reads the shelters, hotlines and disaster procedures again (they change during an event). */
export async function loadDisasterInfo(): Promise<void> {
  const { shelters, hotlines, procedures } = await disasterApi.info();
  for (const p of procedures) useCatalogStore.getState().putProcedure(p);
  useDisasterStore.getState().setInfo({ shelters, hotlines, procedures });
}

export const disasterActions = {
  switchOn: disasterApi.switchOn,
  switchOff: disasterApi.switchOff,
  log: disasterApi.log,
  async setShelter(id: string, open: boolean, note: string): Promise<void> {
    await disasterApi.setShelter(id, open, note);
    await loadDisasterInfo();
  },
};
