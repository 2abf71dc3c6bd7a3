import { useMemo } from 'react';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { Language } from '../../../shared/constants.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';
import { guideColors } from '../../../shared/layout/guideColors.ts';
import { guideLineName } from '../i18n/guideColorName.ts';
import { planAreaSigns } from './areaSignPlan.ts';
import { SIGN_PICTOGRAM, areaSignText } from './areaSignText.ts';
import { AreaSign } from './AreaSign.tsx';

export interface AreaSignsProps {
  hall: Hall;
  lang: Language;
  /** The light tier keeps the signs that lead somewhere and drops the waiting-area ones. */
  light: boolean;
}

/**
 * The hall's hanging wayfinding signs, one textured plane each, their text in the resident's language
 * with the Japanese small beneath. Usage: <AreaSigns hall={hall} lang={lang} light={light} />
 */
export function AreaSigns({ hall, lang, light }: AreaSignsProps) {
  const layout = hall.layout;
  const spots = useMemo(() => planAreaSigns(layout), [layout]);
  const other = secondSignLanguage(lang);
  // The line's name in both sign languages, the way the sign's text is: 「緑の線・green line」.
  const accents = useMemo(() => {
    const out = new Map<string, { color: string; label: string }>();
    for (const [areaId, color] of guideColors(layout)) {
      const label = [...new Set([guideLineName(color, lang), guideLineName(color, other)])].join('・');
      out.set(areaId, { color: color.hex, label });
    }
    return out;
  }, [layout, lang, other]);
  return (
    <group>
      {spots
        .filter((s) => !(light && s.kind === 'waiting'))
        .map((s) => (
          <AreaSign
            key={s.id}
            spot={s}
            main={areaSignText(s, layout, lang)}
            second={areaSignText(s, layout, other)}
            pictogram={SIGN_PICTOGRAM[s.kind]}
            accent={s.kind === 'counters' && s.areaId ? accents.get(s.areaId) : undefined}
          />
        ))}
    </group>
  );
}
