import type {
  AnnouncementRecord,
  AnnouncementView,
  NewAnnouncementInput,
} from '../../../shared/protocol/announcements.ts';
import { ApiError } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  return body;
}

export const announcementApi = {
  /** Everyone: what shows now and what was announced in the last 24 hours. */
  today: () =>
    request<{ current: AnnouncementView[]; recent: AnnouncementView[] }>(
      `${serverEndpoint()}/api/announcements`,
    ),
  /** Hosts and admins: scheduled and showing, and the last 30 days. */
  all: () => request<{ notOver: AnnouncementRecord[]; past: AnnouncementRecord[] }>('/api/announcements/all'),
  send: (a: NewAnnouncementInput) =>
    request<AnnouncementRecord>('/api/announcements', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a),
    }),
  end: (id: number) => request<AnnouncementRecord>(`/api/announcements/${id}/end`, { method: 'POST' }),
};
