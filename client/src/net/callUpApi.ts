import type {
  CallUpStatus,
  CallUpTally,
  CallUpView,
  MyCallUp,
  NewCallUpInput,
} from '../../../shared/protocol/callups.ts';
import { ApiError } from './catalogApi.ts';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body =
    res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as { error?: string; message?: string });
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  return body as T;
}
const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const callUpApi = {
  mine: () => request<MyCallUp[]>('/api/callups/mine'),
  answer: (id: number, status: CallUpStatus, minutes: number | null) =>
    request<void>(`/api/callups/${id}/answer`, post({ status, minutes })),
  list: () => request<CallUpView[]>('/api/callups'),
  send: (input: NewCallUpInput) => request<CallUpView>('/api/callups', post(input)),
  close: (id: number) => request<CallUpView>(`/api/callups/${id}/close`, post()),
  tally: (id: number) => request<CallUpTally>(`/api/callups/${id}/tally`),
  exportUrl: (id: number) => `/api/callups/${id}/export.csv`,
};
