import { describe, expect, it } from 'vitest';
import { checklistHash, parseChecklistHash } from '../../../client/src/ui/guide/checklistLink.ts';

describe('shared checklist links', () => {
  it('round-trip the life event and answers in the URL fragment, in a stable order', () => {
    const hash = checklistHash({ lifeEventId: 'moving-in', answers: { nhi: false, children: true } });
    expect(hash).toBe('#checklist=moving-in;children=1;nhi=0');
    expect(parseChecklistHash(hash)).toEqual({
      lifeEventId: 'moving-in',
      answers: { children: true, nhi: false },
    });
  });

  it('ignore anything malformed rather than guessing', () => {
    for (const bad of [
      '',
      '#other=1',
      '#checklist=',
      '#checklist=Moving In',
      '#checklist=a;children=maybe',
      '#checklist=a;=1',
    ]) {
      expect(parseChecklistHash(bad), bad).toBeNull();
    }
  });
});
