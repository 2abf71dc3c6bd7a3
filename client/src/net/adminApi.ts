import type { NewStaffAccount, StaffRole } from '../../../shared/auth/roles.ts';
import type {
  AuditPage,
  CatalogOverview,
  PasswordReset,
  SheetFile,
  SheetRefusal,
  SheetUploadInput,
  SheetUploadResult,
  StaffAccountView,
} from '../../../shared/protocol/admin.ts';
import type { LayoutDraftView, LayoutUpload } from '../../../shared/protocol/hallLayout.ts';
import { ApiError, fetchJson as request, sendJson as post } from './catalogApi.ts';

const account = (id: number, what: string, body?: unknown) =>
  request<unknown>(`/api/staff/accounts/${id}/${what}`, post(body ?? {}));

export type UploadAnswer = { ok: true; result: SheetUploadResult } | { ok: false; refusal: SheetRefusal };

/** The admin console's requests; the session cookie says who asks, nothing in a body does. */
export const adminApi = {
  accounts: () => request<StaffAccountView[]>('/api/staff/accounts'),
  createAccount: (input: NewStaffAccount) => request<StaffAccountView>('/api/staff/accounts', post(input)),
  setRole: (id: number, role: StaffRole) => account(id, 'role', { role }),
  setDepartment: (id: number, department: string | null) => account(id, 'department', { department }),
  disable: (id: number) => account(id, 'disable'),
  enable: (id: number) => account(id, 'enable'),
  signOutEverywhere: (id: number) => account(id, 'sign-out') as Promise<{ sessionsEnded: number }>,
  resetPassword: (id: number) => account(id, 'password') as Promise<PasswordReset>,

  catalog: () => request<CatalogOverview>('/api/admin/catalog'),
  sheetUrl: (file: SheetFile) => `/api/admin/catalog/${file}`,
  /** An upload's problems are an answer to show, not a failure: they come back as the refusal. */
  async uploadSheets(input: SheetUploadInput): Promise<UploadAnswer> {
    try {
      const body = await request<SheetUploadResult | SheetRefusal>('/api/admin/catalog', post(input), [422]);
      return 'problems' in body ? { ok: false, refusal: body } : { ok: true, result: body };
    } catch (err) {
      // Refused for another reason (too large, signed out): the sentence, with no rows to list.
      if (!(err instanceof ApiError)) throw err;
      return { ok: false, refusal: { error: 'invalidSheets', message: err.message, problems: [], more: 0 } };
    }
  },

  /** The checked upload: a preview, or (422) every problem of the file; nothing changes either way. */
  uploadLayout: (upload: LayoutUpload) =>
    request<LayoutDraftView>('/api/admin/hall/drafts', post(upload), [422]),
  putLayoutLive: (draftId: number) =>
    request<{ version: string }>(`/api/admin/hall/drafts/${draftId}/live`, post()),
  layoutUrl: '/api/admin/hall/layout.json',

  audit: (params: { before?: number; actor?: string; action?: string; limit?: number }) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
    return request<AuditPage>(`/api/admin/audit?${query.toString()}`);
  },
};
