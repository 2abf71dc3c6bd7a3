import { fetchJson as request, sendJson } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';
import type { GuideQuestionView, GuideReply, UnansweredQuestion } from '../store/guideStore.ts';

export const guideApi = {
  /** Admins only: what the guide could not answer, most asked first. */
  unanswered: (days = 30) => request<UnansweredQuestion[]>(`/api/guide/unanswered?days=${days}`),
  questions: () => request<GuideQuestionView[]>(`${serverEndpoint()}/api/guide/questions`),
  ask: (question: string, lang: string) =>
    request<GuideReply>(`${serverEndpoint()}/api/guide/questions`, sendJson({ question, lang })),
};
