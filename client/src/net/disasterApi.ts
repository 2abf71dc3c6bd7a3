import type {
  DisasterOnInput,
  DisasterSwitch,
  DisasterView,
  ShelterStatus,
} from '../../../shared/protocol/disaster.ts';
import type { DisasterInfo } from '../store/disasterStore.ts';
import { fetchJson as request, sendJson as post } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

export const disasterApi = {
  info: () => request<DisasterView & DisasterInfo>(`${serverEndpoint()}/api/disaster`),
  switchOn: (input: DisasterOnInput) => request<DisasterView>('/api/disaster/on', post(input)),
  switchOff: () => request<DisasterView>('/api/disaster/off', { method: 'POST' }),
  log: () => request<DisasterSwitch[]>('/api/disaster/log'),
  setShelter: (id: string, open: boolean, note: string) =>
    request<ShelterStatus>(`/api/disaster/shelters/${encodeURIComponent(id)}`, post({ open, note }, 'PUT')),
};
