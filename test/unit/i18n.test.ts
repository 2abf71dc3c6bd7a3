import { describe, expect, it } from 'vitest';
import { ja } from '../../client/src/i18n/ja.ts';
import { en } from '../../client/src/i18n/en.ts';
import { detectLanguage, translate } from '../../client/src/i18n/translate.ts';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { AVATAR_COLORS } from '../../shared/constants.ts';
import { ServerErrorCode } from '../../shared/protocol/errors.ts';
import { HallProtocol } from '../../shared/protocol/hallProtocol.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English has every Japanese key, none empty, with the same placeholders', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('names every avatar colour and every server error code in both languages', () => {
    for (const c of AVATAR_COLORS) {
      expect(translate('ja', `color.${c}`)).not.toBe('');
      expect(translate('en', `color.${c}`)).not.toBe('');
    }
    for (const code of ServerErrorCode.options) expect(`serverError.${code}` in ja).toBe(true);
    // Every reason the hall gives for refusing a join has words for the entry screen.
    for (const code of HallProtocol.joinRefusals.options) expect(`joinError.${code}` in ja).toBe(true);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'people.building', { count: 3 })).toBe('3 people in the building');
    expect(translate('ja', 'hall.goTo', { name: '市民課' })).toBe('ここへ行く：市民課');
    expect(translate('en', 'people.building')).toContain('{count}');
  });

  it('every area and counter of the hall has a Japanese and an English name', () => {
    const { layout } = getHall();
    for (const item of [...layout.areas, ...layout.counters]) {
      expect(item.name.ja.length).toBeGreaterThan(0);
      expect(item.name.en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('detectLanguage', () => {
  it('follows the browser, Japanese first when neither is preferred', () => {
    expect(detectLanguage(['en-GB', 'ja'])).toBe('en');
    expect(detectLanguage(['ja-JP'])).toBe('ja');
    expect(detectLanguage(['fr-FR', 'de'])).toBe('ja');
    expect(detectLanguage([])).toBe('ja');
  });
});
