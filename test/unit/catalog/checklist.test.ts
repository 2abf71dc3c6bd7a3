import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../shared/catalog/catalogCsv.ts';
import { buildChecklist } from '../../../shared/catalog/checklist.ts';
import { COUNTERS, smallCatalog } from './fixtures.ts';

const catalog = readCatalog(smallCatalog(), COUNTERS);
const ids = (answers: Record<string, boolean>) => {
  const r = buildChecklist(catalog, 'moving-in', answers);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.checklist.groups.map((g) => [g.department.id, g.items.map((i) => i.procedure.id)]);
};

describe('life-event rules', () => {
  it('each answer changes the checklist as the rules say', () => {
    expect(ids({ children: false, certificate: false })).toEqual([['shimin-ka', ['tennyu-todoke']]]);
    expect(ids({ children: true, certificate: false })).toEqual([
      ['shimin-ka', ['tennyu-todoke']],
      ['kosodate-shien-ka', ['jidou-teate', 'kodomo-iryohi']],
    ]);
    // certificate=yes only applies without children (an & condition).
    expect(ids({ children: false, certificate: true })).toEqual([
      ['shimin-ka', ['juminhyo-utsushi', 'tennyu-todoke']],
    ]);
    expect(ids({ children: true, certificate: true })).toEqual(ids({ children: true, certificate: false }));
  });

  it('lists online procedures before visits within a counter, and keeps rule notes', () => {
    const r = buildChecklist(catalog, 'moving-in', { children: false, certificate: true });
    if (!r.ok) throw new Error('unexpected');
    const shimin = r.checklist.groups[0]!;
    expect(shimin.items.map((i) => i.procedure.channel)).toEqual(['online_or_visit', 'visit']);
    expect(shimin.items[1]!.note.en).toBe('Within 14 days');
  });

  it('refuses unknown life events, missing answers and questions that were not asked', () => {
    expect(buildChecklist(catalog, 'wedding', {})).toEqual({
      ok: false,
      problem: { kind: 'unknownLifeEvent', lifeEventId: 'wedding' },
    });
    expect(buildChecklist(catalog, 'moving-in', { children: true })).toEqual({
      ok: false,
      problem: { kind: 'missingAnswer', questionId: 'certificate' },
    });
    expect(buildChecklist(catalog, 'moving-in', { children: true, certificate: true, pets: true })).toEqual({
      ok: false,
      problem: { kind: 'unknownQuestion', questionId: 'pets' },
    });
  });
});
