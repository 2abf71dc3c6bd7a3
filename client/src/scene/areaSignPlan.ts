import type { Door, HallLayout, Rect } from '../../../shared/layout/layoutSchema.ts';
import type { ArrowDirection } from './pictograms.ts';

export type AreaSignKind = 'counters' | 'auditorium' | 'consultation' | 'room' | 'waiting' | 'exit';

/** Where a hanging wayfinding sign goes and what it points at; its text comes from areaSignText. */
export interface AreaSignSpot {
  /** Stable across languages, so tests and the texture cache follow one sign through a switch. */
  id: string;
  kind: AreaSignKind;
  /** The area the sign names; for the consultation sign the first room; null for the exit. */
  areaId: string | null;
  /** Centre of the board in metres. */
  position: [number, number, number];
  /** Turn about the vertical: 0 faces south, towards the camera's default view; π faces north. */
  yaw: number;
  arrow?: ArrowDirection;
  size: 'large' | 'small';
}

type Side = 'west' | 'east' | 'north' | 'south';

/** The edge of `rect` a door (or wall) at `at` sits on. */
function sideOf(rect: Rect, [x, z]: [number, number]): Side {
  const d: [Side, number][] = [
    ['west', Math.abs(x - rect.minX)],
    ['east', Math.abs(x - rect.maxX)],
    ['north', Math.abs(z - rect.minZ)],
    ['south', Math.abs(z - rect.maxZ)],
  ];
  return d.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
}

/** From that edge into the area. */
const INWARD: Record<Side, [number, number]> = { west: [1, 0], east: [-1, 0], north: [0, 1], south: [0, -1] };
/** Seen from the area with the camera looking north, which way that edge is. */
const ARROW: Record<Side, ArrowDirection | undefined> = {
  west: 'left',
  east: 'right',
  north: undefined,
  south: undefined,
};

const LARGE_Y = 3.0;
const SMALL_Y = 2.8;
/** Signs at a side door hang this far into the room, over the floor people walk on towards it. */
const SIDE_INSET = 2.8;
const AHEAD_INSET = 0.6;

/** The doors from `from` to `to`, fewest first (breadth-first over the door graph); null when unreachable. */
function doorPath(layout: HallLayout, from: string, to: string): Door[] | null {
  const seen = new Map<string, Door[]>([[from, []]]);
  const queue = [from];
  while (queue.length) {
    const here = queue.shift()!;
    const path = seen.get(here)!;
    if (here === to) return path;
    for (const d of layout.doors) {
      const next = d.between[0] === here ? d.between[1] : d.between[1] === here ? d.between[0] : null;
      if (next && !seen.has(next)) {
        seen.set(next, [...path, d]);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * The wayfinding signs of a hall: over the lobby's way to each counter area, the auditorium and the
 * consultation rooms (with an arrow where that way is a side door), over each area's own entrance when
 * it lies beyond a corridor, over the waiting benches, and the exit over the entrance glass.
 */
export function planAreaSigns(layout: HallLayout): AreaSignSpot[] {
  const area = (id: string) => layout.areas.find((a) => a.id === id);
  const spawn = layout.spawnPoints[0]!;
  const lobby =
    layout.areas.find((a) => a.kind === 'lobby') ??
    layout.areas.find(
      (a) =>
        spawn[0] >= a.rect.minX &&
        spawn[0] <= a.rect.maxX &&
        spawn[1] >= a.rect.minZ &&
        spawn[1] <= a.rect.maxZ,
    );
  if (!lobby) return [];

  /** Signs waiting to be placed at a door, seen from the area `from`. */
  const atDoor = new Map<
    string,
    { door: Door; from: string; spots: Omit<AreaSignSpot, 'position' | 'yaw'>[] }
  >();
  const hangAt = (
    door: Door,
    from: string,
    spot: Omit<AreaSignSpot, 'position' | 'yaw' | 'arrow'>,
    arrow: boolean,
  ) => {
    const rect = area(from)!.rect;
    const entry = atDoor.get(door.id) ?? { door, from, spots: [] };
    entry.spots.push({ ...spot, arrow: arrow ? ARROW[sideOf(rect, door.at)] : undefined });
    atDoor.set(door.id, entry);
  };

  const signed = (kind: AreaSignKind, id: string, areaId: string) => {
    const path = doorPath(layout, lobby.id, areaId);
    if (!path?.length) return;
    const direct = layout.doors.filter((d) => d.between.includes(lobby.id) && d.between.includes(areaId));
    if (direct.length > 1) {
      // Several doors into one room (the auditorium): one sign between them.
      const at: [number, number] = [
        direct.reduce((s, d) => s + d.at[0], 0) / direct.length,
        direct.reduce((s, d) => s + d.at[1], 0) / direct.length,
      ];
      hangAt(
        { ...direct[0]!, id: `${areaId}-doors`, at },
        lobby.id,
        { id, kind, areaId, size: 'large' },
        true,
      );
      return;
    }
    hangAt(path[0]!, lobby.id, { id, kind, areaId, size: 'large' }, true);
    if (path.length > 1 && kind === 'counters') {
      const last = path[path.length - 1]!;
      const before = last.between[0] === areaId ? last.between[1] : last.between[0];
      hangAt(last, before, { id: `${id}-entrance`, kind, areaId, size: 'large' }, false);
    }
  };

  for (const a of layout.areas) if (a.kind === 'counters') signed('counters', `area-${a.id}`, a.id);
  for (const a of layout.areas) if (a.kind === 'auditorium') signed('auditorium', `area-${a.id}`, a.id);
  const rooms = layout.areas.filter((a) => a.kind === 'consultation');
  if (rooms[0]) signed('consultation', 'area-consultation', rooms[0].id);
  for (const room of rooms) {
    const door = layout.doors.find((d) => d.between.includes(room.id));
    const outside = door && (door.between[0] === room.id ? door.between[1] : door.between[0]);
    if (door && outside)
      hangAt(door, outside, { id: `room-${room.id}`, kind: 'room', areaId: room.id, size: 'small' }, false);
  }

  const spots: AreaSignSpot[] = [];
  for (const { door, from, spots: here } of atDoor.values()) {
    const side = sideOf(area(from)!.rect, door.at);
    const [nx, nz] = INWARD[side];
    // Signs sharing a door share its width; the first goes to the south (or west), nearer the entrance.
    const spacing = Math.min(door.width / here.length, 5);
    here.forEach((s, i) => {
      const inset = s.size === 'large' && (side === 'west' || side === 'east') ? SIDE_INSET : AHEAD_INSET;
      const along = ((here.length - 1) / 2 - i) * spacing;
      const x = door.at[0] + nx * inset + (nx !== 0 ? 0 : -along);
      const z = door.at[1] + nz * inset + (nz !== 0 ? 0 : along);
      spots.push({ ...s, position: [x, s.size === 'large' ? LARGE_Y : SMALL_Y, z], yaw: 0 });
    });
  }

  for (const a of layout.areas) {
    if (a.kind !== 'counters') continue;
    const benches = layout.furniture.filter(
      (f) =>
        f.kind === 'bench' &&
        f.rect.minX >= a.rect.minX &&
        f.rect.maxX <= a.rect.maxX &&
        f.rect.minZ >= a.rect.minZ &&
        f.rect.maxZ <= a.rect.maxZ,
    );
    if (!benches.length) continue;
    const x = benches.reduce((s, b) => s + b.rect.minX + b.rect.maxX, 0) / (2 * benches.length);
    const z = benches.reduce((s, b) => s + b.rect.minZ + b.rect.maxZ, 0) / (2 * benches.length);
    spots.push({
      id: `waiting-${a.id}`,
      kind: 'waiting',
      areaId: a.id,
      position: [x, SMALL_Y, z],
      yaw: 0,
      size: 'small',
    });
  }

  const exit = exitSpot(layout, spawn);
  if (exit) spots.push(exit);
  return spots;
}

/** Over the glass of the outer wall nearest the first entrance point, facing into the hall. */
function exitSpot(layout: HallLayout, spawn: [number, number]): AreaSignSpot | null {
  const b = layout.bounds;
  const outer = layout.walls.filter((w) => {
    const onX = (v: number) => v === b.minX || v === b.maxX;
    const onZ = (v: number) => v === b.minZ || v === b.maxZ;
    return (
      w.glass && ((w.from[0] === w.to[0] && onX(w.from[0])) || (w.from[1] === w.to[1] && onZ(w.from[1])))
    );
  });
  const mid = (w: (typeof outer)[number]): [number, number] => [
    (w.from[0] + w.to[0]) / 2,
    (w.from[1] + w.to[1]) / 2,
  ];
  const dist = (p: [number, number]) => Math.hypot(p[0] - spawn[0], p[1] - spawn[1]);
  const glass = outer.map(mid).sort((p, q) => dist(p) - dist(q))[0];
  if (!glass) return null;
  const [nx, nz] = INWARD[sideOf(b, glass)];
  return {
    id: 'exit',
    kind: 'exit',
    areaId: null,
    position: [glass[0] + nx * 0.5, LARGE_Y, glass[1] + nz * 0.5],
    // Faces into the hall, as an exit sign does: read by whoever turns to leave.
    yaw: Math.atan2(nx, nz),
    size: 'large',
  };
}
