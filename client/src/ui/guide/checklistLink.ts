/**
 * Checklists are shared as a link whose answers live in the URL fragment (#checklist=…): the fragment
 * never reaches the server, so a shared link does not leave a resident's answers in anyone's logs.
 */
export interface ChecklistRef {
  lifeEventId: string;
  answers: Record<string, boolean>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function checklistHash(ref: ChecklistRef): string {
  const parts = Object.entries(ref.answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([q, v]) => `${q}=${v ? 1 : 0}`);
  return `#checklist=${[ref.lifeEventId, ...parts].join(';')}`;
}

export function parseChecklistHash(hash: string): ChecklistRef | null {
  const m = /^#checklist=([^#]*)$/.exec(hash);
  if (!m) return null;
  const [lifeEventId, ...parts] = decodeURIComponent(m[1]!).split(';');
  if (!lifeEventId || !SLUG.test(lifeEventId)) return null;
  const answers: Record<string, boolean> = {};
  for (const part of parts) {
    const [q, v] = part.split('=');
    if (!q || !SLUG.test(q) || (v !== '1' && v !== '0')) return null;
    answers[q] = v === '1';
  }
  return { lifeEventId, answers };
}
