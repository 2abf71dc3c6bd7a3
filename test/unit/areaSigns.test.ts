import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import type { HallLayout } from '../../shared/layout/layoutSchema.ts';
import { planAreaSigns } from '../../client/src/scene/areaSignPlan.ts';
import { areaSignText, bareAreaName } from '../../client/src/scene/areaSignText.ts';
import { LANGUAGES } from '../../shared/i18n/languages.ts';
import { loadDictionary } from '../../client/src/i18n/translate.ts';
import { FALLBACK_MARKER } from '../../shared/i18n/localized.ts';

const layout = () => getHall().layout;
const spot = (id: string) => {
  const s = planAreaSigns(layout()).find((x) => x.id === id);
  if (!s) throw new Error(`no sign ${id}`);
  return s;
};

describe('where the wayfinding signs hang (demo hall)', () => {
  it('names every counter area, the auditorium, the consultation rooms and the exit, once each', () => {
    const ids = planAreaSigns(layout()).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['area-counters-a', 'area-counters-b', 'area-auditorium', 'area-consultation', 'exit'])
      expect(ids).toContain(id);
    for (const room of ['consult-1', 'consult-2', 'consult-3']) expect(ids).toContain(`room-${room}`);
  });

  it('hangs a side door’s sign inside the lobby with an arrow the way to go', () => {
    const a = spot('area-counters-a');
    expect(a.arrow).toBe('left');
    expect(a.position[0]).toBeGreaterThan(-10);
    const b = spot('area-counters-b');
    expect(b.arrow).toBe('right');
    expect(b.position[0]).toBeLessThan(10);
  });

  it('marks an area beyond a corridor at its own entrance too, without an arrow', () => {
    const e = spot('area-counters-b-entrance');
    expect(e.arrow).toBeUndefined();
    expect(e.position[0]).toBe(14);
    // On the corridor side of the door in the wall at z = 2.
    expect(e.position[2]).toBeGreaterThan(2);
  });

  it('spreads two signs over one door apart, and hangs one sign between the auditorium’s two doors', () => {
    const b = spot('area-counters-b');
    const c = spot('area-consultation');
    expect(Math.abs(b.position[2] - c.position[2])).toBeGreaterThanOrEqual(4);
    const au = spot('area-auditorium');
    expect(au.position[0]).toBe(0);
    expect(au.arrow).toBeUndefined();
  });

  it('turns the exit sign into the hall, over the entrance glass', () => {
    const exit = spot('exit');
    expect(Math.abs(exit.position[0])).toBeLessThan(2.5);
    expect(exit.position[2]).toBeLessThan(20);
    expect(Math.abs(exit.yaw)).toBeCloseTo(Math.PI);
  });

  it('hangs nothing in a layout without a lobby or doors to reach', () => {
    const bare: HallLayout = { ...layout(), doors: [] };
    expect(planAreaSigns(bare).filter((s) => s.kind !== 'waiting' && s.kind !== 'exit')).toEqual([]);
  });
});

describe('what the signs say', () => {
  it('gives a counter area the range of its counters, taken from the layout', async () => {
    const a = spot('area-counters-a');
    const b = spot('area-counters-b');
    expect(areaSignText(a, layout(), 'ja')).toBe('1〜5番 窓口エリアA');
    expect(areaSignText(b, layout(), 'ja')).toBe('6〜10番 窓口エリアB');
    expect(areaSignText(a, layout(), 'en')).toBe('No. 1–5 Counters A');
    await loadDictionary('vi');
    expect(areaSignText(b, layout(), 'vi')).toBe('Quầy số 6–10 · Khu quầy B');
  });

  it('follows the counters, not a range written into the name', () => {
    const moved = layout().counters.map((c) => (c.number === 5 ? { ...c, areaId: 'counters-b' } : c));
    const l: HallLayout = { ...layout(), counters: moved };
    expect(areaSignText(spot('area-counters-a'), l, 'ja')).toBe('1〜4番 窓口エリアA');
    const one: HallLayout = { ...layout(), counters: layout().counters.filter((c) => c.number === 3) };
    expect(areaSignText(spot('area-counters-a'), one, 'ja')).toBe('3番 窓口エリアA');
  });

  it('strips only a trailing number range from a name', () => {
    expect(bareAreaName('窓口エリアA（1〜5番）')).toBe('窓口エリアA');
    expect(bareAreaName('창구 구역 A(1~5번)')).toBe('창구 구역 A');
    expect(bareAreaName('Counters (east)')).toBe('Counters (east)');
    expect(bareAreaName('相談室1')).toBe('相談室1');
  });

  it('has text for every sign in every language, never a missing-key fallback', async () => {
    for (const lang of LANGUAGES) {
      await loadDictionary(lang);
      for (const s of planAreaSigns(layout())) {
        const text = areaSignText(s, layout(), lang);
        expect(text.length, `${s.id} in ${lang}`).toBeGreaterThan(0);
        expect(text, `${s.id} in ${lang}`).not.toMatch(/[{}]|\(1|（1/);
        expect(text, `${s.id} in ${lang}`).not.toContain(FALLBACK_MARKER);
      }
    }
  });
});
