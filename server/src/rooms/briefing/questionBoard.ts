import type { MapSchema } from '@colyseus/schema';
import { QUESTION_LIMITS } from '../../../../shared/protocol/index.ts';
import { Question } from '../../../../shared/state/briefingState.ts';
import { DomainError } from '../../domainError.ts';

/**
 * The briefing's questions. Everything shown is in the shared `questions` map (keyed by id); who asked and
 * who voted stay here, keyed by the person (the same across rejoins of a tab), so one person votes once and
 * cannot flood the list.
 */
export function createQuestionBoard(
  questions: MapSchema<Question>,
  limits: { openPerPerson: number; gapS: number; total: number } = QUESTION_LIMITS,
) {
  let nextId = 1;
  const askedBy = new Map<number, string>();
  /** The other way round: each attendee's view asks for their own questions at every reshuffle. */
  const asked = new Map<string, Set<number>>();
  const voters = new Map<number, Set<string>>();
  const lastAsk = new Map<string, number>();

  const find = (id: number): Question => {
    const q = questions.get(String(id));
    if (!q) throw new DomainError('noSuchQuestion', `no question ${id}`);
    return q;
  };

  return {
    find,
    /** The person (key) who asked a question still on the board. */
    askerOf(id: number): string {
      const who = askedBy.get(find(id).id);
      if (!who) throw new DomainError('noSuchQuestion', `no question ${id}`);
      return who;
    },
    /** The questions one person asked that are still on the board. */
    askedBy(person: string): Question[] {
      return [...(asked.get(person) ?? [])].flatMap((id) => questions.get(String(id)) ?? []);
    },
    ask(person: string, author: string, text: string, now = Date.now()): Question {
      const open = [...questions.values()].filter((q) => !q.answered && askedBy.get(q.id) === person).length;
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
      if (questions.size >= limits.total)
        throw new DomainError('questionsFull', `the question list is full (${limits.total})`);
      const q = new Question();
      q.id = nextId++;
      q.text = text;
      q.author = author;
      q.at = now;
      questions.set(String(q.id), q);
      askedBy.set(q.id, person);
      asked.set(person, (asked.get(person) ?? new Set()).add(q.id));
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
      if (!questions.delete(String(id))) throw new DomainError('noSuchQuestion', `no question ${id}`);
      asked.get(askedBy.get(id) ?? '')?.delete(id);
      askedBy.delete(id);
      voters.delete(id);
    },
  };
}
export type QuestionBoard = ReturnType<typeof createQuestionBoard>;
