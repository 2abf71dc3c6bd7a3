/** Pinned questions first, then the most voted, then the oldest: what every screen shows. */
export function orderQuestions<Q extends { pinned: boolean; votes: number; at: number }>(
  questions: Iterable<Q>,
): Q[] {
  return [...questions].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.at - b.at,
  );
}
