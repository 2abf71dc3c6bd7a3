import type {
  Department,
  LifeEvent,
  OptionalText,
  Procedure,
} from '../../../shared/catalog/catalogSchema.ts';
import type { LocalizedText } from '../../../shared/layout/layoutSchema.ts';
import { serverEndpoint } from './endpoint.ts';

/** A procedure as the API returns it: with its full online link and the counter that serves it. */
export interface ProcedureView extends Procedure {
  onlineUrl: string | null;
  counterId: string | null;
}

export interface CounterView {
  id: string;
  number: number;
  name: LocalizedText;
  handles: LocalizedText;
  departments: Pick<Department, 'id' | 'name' | 'description'>[];
  procedures: Pick<Procedure, 'id' | 'name' | 'summary' | 'channel'>[];
}

export interface ChecklistView {
  lifeEventId: string;
  answers: Record<string, boolean>;
  groups: { department: Department; items: (ProcedureView & { note: OptionalText })[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's refusal code (`rateLimited`, `badRequest`…), where it gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * A JSON request to the API: the body, or an ApiError with the server's reason and refusal code.
 * `url` is as given (same-origin paths keep the staff session cookie; catalogue reads add the endpoint).
 * `answers`: refusal statuses whose body is an answer to show (an upload's list of problems, 422).
 */
export async function fetchJson<T>(
  url: string,
  init?: RequestInit,
  answers: readonly number[] = [],
): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok && !answers.includes(res.status)) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A request that sends `body` as JSON (POST unless said otherwise). */
export const sendJson = (body?: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

const request = <T>(path: string, init?: RequestInit) => fetchJson<T>(serverEndpoint() + path, init);

export const catalogApi = {
  counters: () => request<CounterView[]>('/api/counters'),
  procedure: (id: string) => request<ProcedureView>(`/api/procedures/${encodeURIComponent(id)}`),
  search: (q: string, lang: string) =>
    request<{ results: ProcedureView[] }>(`/api/procedures?q=${encodeURIComponent(q)}&lang=${lang}`).then(
      (r) => r.results,
    ),
  lifeEvents: () => request<LifeEvent[]>('/api/life-events'),
  checklist: (lifeEventId: string, answers: Record<string, boolean>) =>
    request<ChecklistView>('/api/checklists', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifeEventId, answers }),
    }),
  /** Fire-and-forget: a lost count must never stop a resident from opening the form. */
  linkOpened: (id: string) => {
    void request(`/api/procedures/${encodeURIComponent(id)}/link-opened`, { method: 'POST' }).catch(() => {});
  },
};
