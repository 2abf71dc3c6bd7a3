import type { LayoutDraftView } from '../../../shared/protocol/hallLayout.ts';
import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import { hallAdminApi } from '../net/hallAdminApi.ts';
import { fetchHallLayout } from '../net/hallLayoutApi.ts';
import { ApiError } from '../net/catalogApi.ts';

/** What went wrong, as the server said it (a refusal's sentence), or null for "it did not go through". */
export const refusalMessage = (err: unknown): string | null => (err instanceof ApiError ? err.message : null);

/** The admin console's hall layout actions: what the section may ask without knowing about HTTP. */
export const hallAdminActions = {
  planInUse: (): Promise<{ layout: HallLayout; version: string }> => fetchHallLayout(),
  check: async (file: File): Promise<LayoutDraftView> =>
    hallAdminApi.upload({ fileName: file.name, text: await file.text() }),
  putLive: (draftId: number) => hallAdminApi.putLive(draftId),
  downloadUrl: hallAdminApi.downloadUrl,
};
