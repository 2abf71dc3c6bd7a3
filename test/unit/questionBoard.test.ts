import { describe, expect, it } from 'vitest';
import { BriefingState } from '../../shared/state/briefingState.ts';
import { createQuestionBoard } from '../../server/src/rooms/briefing/questionBoard.ts';

const limits = { openPerPerson: 2, gapS: 10, total: 4 };
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'accepted';
};

describe('the question board', () => {
  it('limits questions waiting per person, spaces them out and caps the list', () => {
    const state = new BriefingState();
    const board = createQuestionBoard(state.questions, limits);
    const t0 = 1_000_000;
    const q1 = board.ask('resident:a', 'あい', 'q1', t0);
    expect(codeOf(() => board.ask('resident:a', 'あい', 'q2', t0 + 9_999))).toBe('askTooSoon');
    const q2 = board.ask('resident:a', 'あい', 'q2', t0 + 10_000);
    expect(codeOf(() => board.ask('resident:a', 'あい', 'q3', t0 + 20_000))).toBe('tooManyQuestions');
    // Another person is not held back by the first one's questions.
    board.ask('resident:b', 'ぶん', 'b1', t0 + 20_000);
    // An answered question no longer counts as waiting.
    q2.answered = true;
    board.ask('resident:a', 'あい', 'q3', t0 + 30_000);
    expect(state.questions.size).toBe(4);
    expect(codeOf(() => board.ask('resident:c', 'ちか', 'c1', t0 + 40_000))).toBe('questionsFull');
    // Hiding one makes room again.
    board.hide(q2.id);
    expect(codeOf(() => board.ask('resident:c', 'ちか', 'c1', t0 + 40_000))).toBe('accepted');
    // Who asked what stays with the board (not in what everyone receives), hidden questions gone.
    expect(board.askedBy('resident:a').map((q) => q.text)).toEqual(['q1', 'q3']);
    expect(board.askerOf(q1.id)).toBe('resident:a');
    expect(codeOf(() => board.askerOf(q2.id))).toBe('noSuchQuestion');
  });

  it('one vote per person; ids of hidden questions are gone for good', () => {
    const state = new BriefingState();
    const board = createQuestionBoard(state.questions, limits);
    const q = board.ask('resident:a', 'あい', 'q', 0);
    board.vote('resident:b', q.id);
    expect(codeOf(() => board.vote('resident:b', q.id))).toBe('alreadyVoted');
    board.vote('resident:c', q.id);
    expect(q.votes).toBe(2);
    board.hide(q.id);
    expect(codeOf(() => board.vote('resident:d', q.id))).toBe('noSuchQuestion');
    expect(codeOf(() => board.hide(q.id))).toBe('noSuchQuestion');
    expect(board.ask('resident:a', 'あい', 'next', 60_000).id).not.toBe(q.id);
  });
});
