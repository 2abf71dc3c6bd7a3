import { describe, expect, it } from 'vitest';
import { orderQuestions } from '../../shared/briefing/questionOrder.ts';

describe('briefing question order', () => {
  it('pinned first, then most votes, then oldest', () => {
    const q = (id: string, votes: number, at: number, pinned = false) => ({ id, votes, at, pinned });
    const ordered = orderQuestions([
      q('old', 1, 1),
      q('popular', 5, 3),
      q('new', 1, 2),
      q('pinned', 0, 4, true),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(['pinned', 'popular', 'old', 'new']);
  });
});
