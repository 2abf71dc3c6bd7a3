import type {
  AnnouncementRecord,
  AnnouncementView,
  NewAnnouncementInput,
} from '../../../shared/protocol/announcements.ts';
import { fetchJson as request, sendJson } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

export const announcementApi = {
  /** Everyone: what shows now and what was announced in the last 24 hours. */
  today: () =>
    request<{ current: AnnouncementView[]; recent: AnnouncementView[] }>(
      `${serverEndpoint()}/api/announcements`,
    ),
  /** Hosts and admins: scheduled and showing, and the last 30 days. */
  all: () => request<{ notOver: AnnouncementRecord[]; past: AnnouncementRecord[] }>('/api/announcements/all'),
  send: (a: NewAnnouncementInput) => request<AnnouncementRecord>('/api/announcements', sendJson(a)),
  end: (id: number) => request<AnnouncementRecord>(`/api/announcements/${id}/end`, { method: 'POST' }),
};
