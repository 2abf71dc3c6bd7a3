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
import { fetchJson as request, sendJson as post } from './catalogApi.ts';

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
    const res = await fetch('/api/admin/catalog', post(input));
    const body = (await res.json().catch(() => null)) as SheetUploadResult | SheetRefusal | null;
    if (res.ok) return { ok: true, result: body as SheetUploadResult };
    if (body && 'problems' in body) return { ok: false, refusal: body };
    const message = (body as { message?: string } | null)?.message ?? res.statusText;
    return { ok: false, refusal: { error: 'invalidSheets', message, problems: [], more: 0 } };
  },

  audit: (params: { before?: number; actor?: string; action?: string; limit?: number }) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
    return request<AuditPage>(`/api/admin/audit?${query.toString()}`);
  },
};
