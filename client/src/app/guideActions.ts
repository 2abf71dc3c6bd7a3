import { guideApi } from '../net/guideApi.ts';
import { ApiError } from '../net/catalogApi.ts';
import { DESK_QUESTION_ID, useGuideStore } from '../store/guideStore.ts';
import { useCatalogStore } from '../store/catalogStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { queueActions } from './queueActions.ts';
import { localized, translate } from '../i18n/translate.ts';
import { INFO_DESK_ID } from '../../../shared/layout/infoDeskCounter.ts';
import { HandoverLine, MAX_HANDOVER_CHARS, MAX_HANDOVER_LINES } from '../../../shared/protocol/queue.ts';

/** The questions to pick from are fetched once; a failure leaves typing, which always works. */
async function loadQuestions(): Promise<void> {
  if (useGuideStore.getState().questions.length > 0) return;
  const questions = await guideApi.questions().catch(() => []);
  useGuideStore.getState().setQuestions(questions);
}

/** Opens the information desk's guide (focus moves into it unless the resident walked up to the desk). */
export function openInfoDesk(takeFocus = true): void {
  useCatalogStore.getState().openPanel({ kind: 'infoDesk' }, takeFocus);
  void loadQuestions();
}

export async function askGuide(question: string): Promise<void> {
  const text = question.trim();
  const guide = useGuideStore.getState();
  if (text.length === 0 || guide.asking) return;
  // A question picked by a button: the keyboard goes back to the question box, ready for the next one.
  document.getElementById(DESK_QUESTION_ID)?.focus();
  guide.add({ kind: 'question', text });
  guide.setAsking(true);
  try {
    const reply = await guideApi.ask(text, useAppStore.getState().lang);
    useGuideStore.getState().add({ kind: 'reply', reply });
  } catch (err) {
    const code = err instanceof ApiError ? err.code : undefined;
    useGuideStore.getState().add({
      kind: 'failed',
      reason: code === 'rateLimited' ? 'rateLimited' : code === 'badRequest' ? 'badQuestion' : 'unreachable',
      message: err instanceof ApiError ? err.message : undefined,
    });
  } finally {
    useGuideStore.getState().setAsking(false);
  }
}

/** For the FAQ team: the questions residents asked that found nothing, over the last 30 days. */
export const loadUnanswered = () => guideApi.unanswered(30);

/**
 * Hands the resident over to the guide staff at the information desk: a number in its queue that
 * carries the conversation so far (the last turns, each cut to the length the server takes), so the
 * staff member who answers reads it first in the consultation's chat.
 */
export function askStaffAtDesk(): void {
  const lang = useAppStore.getState().lang;
  const lines: HandoverLine[] = [];
  for (const turn of useGuideStore.getState().turns) {
    if (turn.kind === 'question') lines.push({ from: 'resident', text: turn.text });
    else if (turn.kind === 'reply') {
      const a = turn.reply.answer;
      lines.push({
        from: 'guide',
        text: a
          ? localized(lang, a.text)
          : translate(lang, turn.reply.answered ? 'desk.found' : 'desk.noAnswer'),
      });
    }
  }
  // Only lines the server takes: one refused line (a pasted control character) must not stop the rest.
  const handover = lines
    .map((l) => ({ ...l, text: l.text.slice(0, MAX_HANDOVER_CHARS) }))
    .filter((l) => HandoverLine.safeParse(l).success)
    .slice(-MAX_HANDOVER_LINES);
  queueActions.takeTicket(INFO_DESK_ID, undefined, handover);
}
