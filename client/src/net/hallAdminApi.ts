import { LayoutDraftView, type LayoutUpload } from '../../../shared/protocol/hallLayout.ts';
import { ApiError, fetchJson, sendJson } from './catalogApi.ts';

/** Admins: upload a hall layout to check and preview it, then put it live. */
export const hallAdminApi = {
  /** The checked upload: a preview, or (422) every problem of the file; nothing changes either way. */
  async upload(upload: LayoutUpload): Promise<LayoutDraftView> {
    const res = await fetch('/api/admin/hall/drafts', sendJson(upload));
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    if (res.status === 201 || res.status === 422) return LayoutDraftView.parse(body);
    throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  },
  putLive: (id: number) => fetchJson<{ version: string }>(`/api/admin/hall/drafts/${id}/live`, sendJson()),
  downloadUrl: '/api/admin/hall/layout.json',
};
