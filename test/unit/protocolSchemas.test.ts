import { describe, expect, it } from 'vitest';
import { HallJoinOptions, MoveMessage } from '../../shared/protocol/index.ts';
import { checkNickname } from '../../shared/nickname.ts';

const join = (nickname: string, extra: Record<string, unknown> = {}) =>
  HallJoinOptions.safeParse({ nickname, color: '#1971c2', lang: 'ja', ...extra });

describe('HallJoinOptions', () => {
  it('accepts Japanese and English nicknames, trimmed and NFC-normalised', () => {
    expect(join('  山田 花子  ')).toMatchObject({ success: true, data: { nickname: '山田 花子' } });
    // が as か + combining dakuten becomes the single precomposed character.
    expect(join('か\u3099ん')).toMatchObject({ success: true, data: { nickname: 'がん' } });
    expect(join('Ben   Lee').data?.nickname).toBe('Ben Lee');
  });

  it('counts characters as people do: 20 kanji or emoji pass, 21 do not', () => {
    expect(join('漢'.repeat(20)).success).toBe(true);
    expect(join('👩‍👩‍👧'.repeat(20)).success).toBe(true);
    expect(checkNickname('漢'.repeat(21))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('names the problem for empty, control and invisible formatting characters', () => {
    expect(checkNickname('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNickname(' \u3000 ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNickname('bell\u0007')).toEqual({ ok: false, problem: 'controlChars' });
    expect(checkNickname('two\nlines')).toEqual({ ok: false, problem: 'controlChars' });
    expect(checkNickname('evil\u202Eeman')).toEqual({ ok: false, problem: 'controlChars' });
    expect(checkNickname('zero\u200Bwidth')).toEqual({ ok: false, problem: 'controlChars' });
    // Hangul fillers and the braille blank draw nothing: a name of them is an empty name in disguise.
    expect(checkNickname('\u3164')).toEqual({ ok: false, problem: 'invisible' });
    expect(checkNickname('ab\u2800')).toEqual({ ok: false, problem: 'invisible' });
    // One grapheme, thousands of code points: refused before it costs anything to normalise.
    expect(checkNickname('a' + '\u0301'.repeat(50_000))).toEqual({ ok: false, problem: 'tooLong' });
    expect(checkNickname('a' + '\u0301'.repeat(200))).toEqual({ ok: false, problem: 'tooLong' });
    expect(checkNickname('e\u0301')).toEqual({ ok: true, value: 'é' });
  });

  it('refuses unknown colours and languages', () => {
    expect(join('ok', { color: 'red' }).success).toBe(false);
    expect(join('ok', { color: '#000000' }).success).toBe(false);
    expect(join('ok', { lang: 'fr' }).success).toBe(false);
  });
});

describe('MoveMessage', () => {
  it('accepts a finite pose', () => {
    expect(MoveMessage.safeParse({ x: 1.5, z: -3, ry: 0.2 }).success).toBe(true);
  });

  it.each([
    [{ x: Number.NaN, z: 0, ry: 0 }],
    [{ x: Number.POSITIVE_INFINITY, z: 0, ry: 0 }],
    [{ x: '1', z: 0, ry: 0 }],
    [{ x: 1, z: 0 }],
    [{ x: 1, z: 0, ry: 0, role: 'staff' }],
    [{ x: 1e7, z: 0, ry: 0 }],
    [null],
    ['move'],
  ])('refuses %j', (payload) => {
    expect(MoveMessage.safeParse(payload).success).toBe(false);
  });
});
