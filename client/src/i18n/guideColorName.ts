import { getHall } from '../../../shared/layout/hallLayout.ts';
import { guideColors, type GuideColor } from '../../../shared/layout/guideColors.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { translate } from './translate.ts';

/** "緑の線" / "green line": how people call a floor guidance line of this colour. */
export function guideLineName(color: GuideColor, lang: Language): string {
  return translate(lang, 'guideLine.name', { color: translate(lang, `guideLine.color.${color.name}`) });
}

/**
 * The name of the floor line that leads to an area ("緑の線"), for signs and text that name it next to
 * the area ("緑の線 窓口エリアA"); null for an area no line leads to.
 */
export function guideColorName(areaId: string, lang: Language): string | null {
  const color = guideColors(getHall().layout).get(areaId);
  return color ? guideLineName(color, lang) : null;
}
