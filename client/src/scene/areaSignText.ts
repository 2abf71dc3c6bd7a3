import type { HallLayout } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { localized } from '../../../shared/i18n/localized.ts';
import { translate } from '../i18n/translate.ts';
import type { AreaSignKind, AreaSignSpot } from './areaSignPlan.ts';
import type { PictogramKind } from './pictograms.ts';

export const SIGN_PICTOGRAM: Record<AreaSignKind, PictogramKind> = {
  counters: 'counter',
  auditorium: 'auditorium',
  consultation: 'consultation',
  room: 'consultation',
  waiting: 'waiting',
  exit: 'exit',
};

/**
 * A counter-range suffix such as 「（1〜5番）」 or "(1–5)" that layouts may write into an area's name: the
 * sign computes the range from the counters themselves, so a stale one in the name is never shown twice.
 */
const RANGE_SUFFIX = /\s*[（(][^（）()]*\d[^（）()]*[）)]\s*$/;
export const bareAreaName = (name: string): string => name.replace(RANGE_SUFFIX, '') || name;

/** The counter numbers in an area, lowest first. */
export const counterNumbersIn = (layout: HallLayout, areaId: string): number[] =>
  layout.counters
    .filter((c) => c.areaId === areaId)
    .map((c) => c.number)
    .sort((a, b) => a - b);

/** What a sign says in `lang`: 「1〜5番 窓口エリアA」 for a counter area, the name or a fixed word otherwise. */
export function areaSignText(spot: AreaSignSpot, layout: HallLayout, lang: Language): string {
  const area = layout.areas.find((a) => a.id === spot.areaId);
  switch (spot.kind) {
    case 'counters': {
      if (!area) return '';
      const name = bareAreaName(localized(lang, area.name));
      const numbers = counterNumbersIn(layout, area.id);
      const from = numbers[0];
      const to = numbers[numbers.length - 1];
      if (from === undefined || to === undefined) return name;
      return translate(lang, from === to ? 'signs.counterOne' : 'signs.counterRange', { from, to, name });
    }
    case 'auditorium':
    case 'room':
      return area ? localized(lang, area.name) : '';
    case 'consultation':
      return translate(lang, 'signs.consultation');
    case 'waiting':
      return translate(lang, 'signs.waiting');
    case 'exit':
      return translate(lang, 'signs.exit');
  }
}
