import { describe, expect, it } from 'vitest';
import { plainText } from '../../shared/plainText.ts';

describe('plain text people type for others to read', () => {
  const note = plainText({ label: 'the note', max: 20, lines: true });
  const title = plainText({ label: 'the title', max: 20, required: true });

  it('keeps ordinary text, trimmed; lines only where a text has lines', () => {
    expect(note.parse('  一行目\n二行目\t ')).toBe('一行目\n二行目');
    expect(title.safeParse('one\ntwo').error?.issues[0]?.message).toBe(
      'the title may not contain control or text-direction characters',
    );
  });

  it.each([
    ['a bell', 'ding\u0007'],
    ['an escape sequence', '\u001b[31mred'],
    ['a C1 control', 'x\u0085y'],
    ['DEL', 'x\u007fy'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a direction isolate', 'a\u2066b'],
  ])('refuses %s, with a message that says so', (_what, text) => {
    expect(note.safeParse(text).error?.issues[0]?.message).toContain('control or text-direction');
  });

  it('says what is too long or missing', () => {
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('the title is empty');
    expect(note.safeParse('x'.repeat(21)).error?.issues[0]?.message).toBe(
      'the note is at most 20 characters',
    );
  });
});
