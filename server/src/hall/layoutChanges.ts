import type { HallLayout, Rect } from '../../../shared/layout/layoutSchema.ts';
import type { LayoutChange } from '../../../shared/protocol/hallLayout.ts';

const sameRect = (a: Rect, b: Rect) =>
  a.minX === b.minX && a.maxX === b.maxX && a.minZ === b.minZ && a.maxZ === b.maxZ;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an admin should know before putting a layout live: which counters and areas come, go or move
 * (residents walking to them will be taken to the new place), and whether walls, furniture or seats
 * change. The console words each change in the admin's language.
 */
export function layoutChanges(from: HallLayout, to: HallLayout): LayoutChange[] {
  const changes: LayoutChange[] = [];
  const before = new Map(from.counters.map((c) => [c.id, c]));
  const after = new Set(to.counters.map((c) => c.id));
  for (const c of to.counters) {
    const old = before.get(c.id);
    if (!old) changes.push({ kind: 'counterAdded', id: c.id, number: c.number });
    else if (!sameRect(old.desk, c.desk) || !same(old.serviceSpot, c.serviceSpot))
      changes.push({
        kind: 'counterMoved',
        id: c.id,
        number: c.number,
        from: old.serviceSpot,
        to: c.serviceSpot,
      });
    else if (old.number !== c.number)
      changes.push({ kind: 'counterRenumbered', id: c.id, number: c.number, was: old.number });
  }
  for (const c of from.counters)
    if (!after.has(c.id)) changes.push({ kind: 'counterRemoved', id: c.id, number: c.number });
  const areasBefore = new Map(from.areas.map((a) => [a.id, a]));
  const areasAfter = new Set(to.areas.map((a) => a.id));
  for (const a of to.areas) {
    const old = areasBefore.get(a.id);
    if (!old) changes.push({ kind: 'areaAdded', id: a.id });
    else if (!sameRect(old.rect, a.rect)) changes.push({ kind: 'areaResized', id: a.id });
  }
  for (const a of from.areas) if (!areasAfter.has(a.id)) changes.push({ kind: 'areaRemoved', id: a.id });
  if (!same(from.walls, to.walls) || !same(from.doors, to.doors)) changes.push({ kind: 'walls' });
  if (!same(from.furniture, to.furniture)) changes.push({ kind: 'furniture' });
  if (!same(from.seatBlocks, to.seatBlocks)) changes.push({ kind: 'seats' });
  return changes;
}
