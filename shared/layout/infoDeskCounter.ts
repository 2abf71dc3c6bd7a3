import type { Counter, HallLayout } from './layoutSchema.ts';

/** The information desk as a service desk: its queue is where the guide hands residents to staff. */
export const INFO_DESK_ID = 'info-desk';

/**
 * The information desk (the layout's `infoDesk` furniture) seen as a counter the desk can run: a queue,
 * staff on duty, calls into a consultation room. It has no number (it is "総合案内", not "0番") and is
 * not in the directory's list of counters. Staff stand behind it, residents where they ask the guide.
 */
export function infoDeskCounter(layout: HallLayout): Counter | null {
  const desk = layout.furniture.find((f) => f.kind === 'infoDesk');
  if (!desk || !desk.name) return null;
  const x = (desk.rect.minX + desk.rect.maxX) / 2;
  const z = (desk.rect.minZ + desk.rect.maxZ) / 2;
  const area = layout.areas.find(
    (a) => x >= a.rect.minX && x <= a.rect.maxX && z >= a.rect.minZ && z <= a.rect.maxZ,
  );
  return {
    id: INFO_DESK_ID,
    number: 0,
    departmentId: INFO_DESK_ID,
    name: desk.name,
    handles: desk.name,
    areaId: area?.id ?? layout.areas[0]!.id,
    desk: desk.rect,
    facing: 'south',
    serviceSpot: [x, desk.rect.maxZ + 0.8],
    staffSpot: [x, desk.rect.minZ - 0.6],
  };
}
