import type { ArraySchema } from '@colyseus/schema';
import { QUESTION_LIMITS } from '../../../../shared/protocol/index.ts';
import { Question } from '../../../../shared/state/briefingState.ts';
import { DomainError } from '../../domainError.ts';

/**
 * The briefing's questions. Everything shown is in the shared `questions` array; who asked and who voted
 * stay here, keyed by the person (the same across rejoins of a tab), so one person votes once and cannot
 * flood the list everyone receives.
 */
export function createQuestionBoard(
  questions: ArraySchema<Question>,
  limits: { openPerPerson: number; gapS: number; total: number } = QUESTION_LIMITS,
) {
  let nextId = 1;
  const askedBy = new Map<number, string>();
  const voters = new Map<number, Set<string>>();
  const lastAsk = new Map<string, number>();

  const find = (id: number): Question => {
    const q = questions.find((x) => x.id === id);
    if (!q) throw new DomainError('noSuchQuestion', `no question ${id}`);
    return q;
  };

  return {
    find,
    ask(person: string, author: string, text: string, now = Date.now()): Question {
      const open = questions.filter((q) => !q.answered && askedBy.get(q.id) === person).length;
      if (open >= limits.openPerPerson)
        throw new DomainError(
          'tooManyQuestions',
          `at most ${limits.openPerPerson} of your questions can wait for an answer`,
        );
      const last = lastAsk.get(person);
      const since = last === undefined ? Infinity : now - last;
      if (since < limits.gapS * 1000)
        throw new DomainError(
          'askTooSoon',
          `wait ${Math.ceil(limits.gapS - since / 1000)} s before asking again`,
        );
      if (questions.length >= limits.total)
        throw new DomainError('questionsFull', `the question list is full (${limits.total})`);
      const q = new Question();
      q.id = nextId++;
      q.text = text;
      q.author = author;
      q.at = now;
      questions.push(q);
      askedBy.set(q.id, person);
      voters.set(q.id, new Set());
      lastAsk.set(person, now);
      return q;
    },
    vote(person: string, id: number): void {
      const q = find(id);
      const who = voters.get(id)!;
      if (who.has(person)) throw new DomainError('alreadyVoted', 'you already voted for this question');
      who.add(person);
      q.votes += 1;
    },
    /** Hidden questions leave everyone's screen at once (their text is not kept anywhere). */
    hide(id: number): void {
      const i = questions.findIndex((q) => q.id === id);
      if (i < 0) throw new DomainError('noSuchQuestion', `no question ${id}`);
      questions.splice(i, 1);
      askedBy.delete(id);
      voters.delete(id);
    },
  };
}
export type QuestionBoard = ReturnType<typeof createQuestionBoard>;
