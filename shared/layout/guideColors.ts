import type { Area, HallLayout } from './layoutSchema.ts';

/**
 * Colours of the floor guidance lines (床面誘導線), after Okabe and Ito's palette, which people with
 * the common colour-vision differences still tell apart; in the order areas without a colour of their
 * own receive them. Yellow comes last: it is faint on a light floor. Every line is also named in words
 * (signs, the 2D legend), so nobody has to rely on the colour alone.
 */
export const GUIDE_PALETTE = [
  { name: 'green', hex: '#009e73' },
  { name: 'orange', hex: '#e69f00' },
  { name: 'blue', hex: '#0072b2' },
  { name: 'pink', hex: '#cc79a7' },
  { name: 'red', hex: '#d55e00' },
  { name: 'skyBlue', hex: '#56b4e9' },
  { name: 'purple', hex: '#7a4fa3' },
  { name: 'yellow', hex: '#f0e442' },
] as const;

export type GuideColorName = (typeof GUIDE_PALETTE)[number]['name'];

export interface GuideColor {
  /** "#rrggbb" as drawn. */
  hex: string;
  /** The palette colour it is called by (a city's own shade of green is still "the green line"). */
  name: GuideColorName;
}

const rgb = (hex: string): [number, number, number] => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** The palette name nearest to a colour (a rough perceptual weighting of the RGB distance). */
export function nearestColorName(hex: string): GuideColorName {
  const [r, g, b] = rgb(hex);
  let best: GuideColorName = GUIDE_PALETTE[0].name;
  let bestD = Infinity;
  for (const p of GUIDE_PALETTE) {
    const [pr, pg, pb] = rgb(p.hex);
    const d = 2 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 3 * (b - pb) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p.name;
    }
  }
  return best;
}

/** Areas that get a guidance line: the counter areas, in the layout's order. */
export const guidedAreas = (layout: HallLayout): Area[] => layout.areas.filter((a) => a.kind === 'counters');

/**
 * The line colour of every counter area: its own `guideColor`, else the next palette colour no other
 * area is already called by, so two lines never share a name while the palette lasts.
 */
export function guideColors(layout: HallLayout): ReadonlyMap<string, GuideColor> {
  // Asked for on every refresh of the 2D plan, by signs and by notices: worked out once per plan.
  let colors = colorsOf.get(layout);
  if (!colors) colorsOf.set(layout, (colors = assignColors(layout)));
  return colors;
}

const colorsOf = new WeakMap<HallLayout, ReadonlyMap<string, GuideColor>>();

function assignColors(layout: HallLayout): Map<string, GuideColor> {
  const areas = guidedAreas(layout);
  const taken = new Set<GuideColorName>();
  for (const a of areas) if (a.guideColor) taken.add(nearestColorName(a.guideColor));
  const free = GUIDE_PALETTE.filter((p) => !taken.has(p.name));
  const out = new Map<string, GuideColor>();
  let next = 0;
  for (const a of areas) {
    if (a.guideColor) {
      out.set(a.id, { hex: a.guideColor.toLowerCase(), name: nearestColorName(a.guideColor) });
    } else {
      const p = free[next % Math.max(1, free.length)] ?? GUIDE_PALETTE[next % GUIDE_PALETTE.length]!;
      next++;
      out.set(a.id, { hex: p.hex, name: p.name });
    }
  }
  return out;
}
