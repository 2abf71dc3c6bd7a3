import { ApiError } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';
import type { GuideQuestionView, GuideReply, UnansweredQuestion } from '../store/guideStore.ts';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(serverEndpoint() + path, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText, body.error);
  return body;
}

export const guideApi = {
  /** Admins only: what the guide could not answer, most asked first. */
  unanswered: (days = 30) => request<UnansweredQuestion[]>(`/api/guide/unanswered?days=${days}`),
  questions: () => request<GuideQuestionView[]>('/api/guide/questions'),
  ask: (question: string, lang: string) =>
    request<GuideReply>('/api/guide/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, lang }),
    }),
};
