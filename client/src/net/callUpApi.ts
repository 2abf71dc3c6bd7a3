import type {
  CallUpStatus,
  CallUpTally,
  CallUpView,
  MyCallUp,
  NewCallUpInput,
} from '../../../shared/protocol/callups.ts';
import { fetchJson as request, sendJson as post } from './catalogApi.ts';

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
