import type {
  DisasterOnInput,
  DisasterSwitch,
  DisasterView,
  ShelterStatus,
} from '../../../shared/protocol/disaster.ts';
import type { DisasterInfo } from '../store/disasterStore.ts';
import { ApiError } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  return body;
}
const post = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const disasterApi = {
  info: () => request<DisasterView & DisasterInfo>(`${serverEndpoint()}/api/disaster`),
  switchOn: (input: DisasterOnInput) => request<DisasterView>('/api/disaster/on', post(input)),
  switchOff: () => request<DisasterView>('/api/disaster/off', { method: 'POST' }),
  log: () => request<DisasterSwitch[]>('/api/disaster/log'),
  setShelter: (id: string, open: boolean, note: string) =>
    request<ShelterStatus>(`/api/disaster/shelters/${encodeURIComponent(id)}`, post({ open, note }, 'PUT')),
};
