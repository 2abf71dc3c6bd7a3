import type { LayoutDraftView } from '../../../shared/protocol/hallLayout.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { hallAdminApi } from '../net/hallAdminApi.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';

/** The admin console's hall layout actions: what the section may ask without knowing about HTTP. */
export const hallAdminActions = {
  planInUse: (): Promise<{ layout: HallLayout; version: string }> => fetchHallLayout(),
  check: async (file: File): Promise<LayoutDraftView> =>
    hallAdminApi.upload({ fileName: file.name, text: await file.text() }),
  putLive: (draftId: number) => hallAdminApi.putLive(draftId),
  downloadUrl: hallAdminApi.downloadUrl,
};
