import type { Area, Counter, HallLayout, Seat } from './layoutSchema.ts';
import { infoDeskCounter } from './infoDeskCounter.ts';
import { expandSeats } from './validateLayout.ts';
import { buildWorld, type World } from '../sim/world.ts';
import { buildNavGrid, type NavGrid } from '../sim/navGrid.ts';
import { insideBox } from '../sim/geometry.ts';

/** A validated layout with everything both sides derive from it, computed once. */
export interface Hall {
  layout: HallLayout;
  world: World;
  nav: NavGrid;
  seats: Seat[];
  /** Where staff serve a queue: the counters, and the information desk (where the guide hands over). */
  serviceDesks: Counter[];
  areaAt(x: number, z: number): Area | undefined;
}

export function createHall(layout: HallLayout): Hall {
  const world = buildWorld(layout);
  return {
    layout,
    world,
    nav: buildNavGrid(world),
    seats: expandSeats(layout.seatBlocks),
    serviceDesks: [...layout.counters, ...[infoDeskCounter(layout)].filter((c): c is Counter => c !== null)],
    areaAt: (x, z) => layout.areas.find((a) => insideBox(x, z, a.rect)),
  };
}

/*
 * The hall in use. It is data (a JSON file on the server, sent to the client), and an admin can put a
 * new one live while people are inside: whoever holds `getHall()` always reads the layout in use now,
 * without being handed a new object.
 */
let current: Hall | undefined;
let currentVersion = '';
const listeners = new Set<(version: string) => void>();

function inUse(): Hall {
  if (!current) throw new Error('the hall layout has not been loaded yet');
  return current;
}

const liveHall: Hall = {
  get layout() {
    return inUse().layout;
  },
  get world() {
    return inUse().world;
  },
  get nav() {
    return inUse().nav;
  },
  get seats() {
    return inUse().seats;
  },
  get serviceDesks() {
    return inUse().serviceDesks;
  },
  areaAt: (x, z) => inUse().areaAt(x, z),
};

/** The hall in use, read afresh on every access. Throws before a layout has been loaded. */
export function getHall(): Hall {
  inUse();
  return liveHall;
}

export const hallLoaded = (): boolean => current !== undefined;

/** Which layout is in use (a hash of it), so both sides can tell whether they hold the same one. */
export const hallVersion = (): string => currentVersion;

/** Puts a validated layout in use; listeners hear of it only when it differs from the one in use. */
export function putHallInUse(layout: HallLayout, version: string): void {
  if (current && version === currentVersion) return;
  current = createHall(layout);
  currentVersion = version;
  for (const listener of listeners) listener(version);
}

export function onHallChange(listener: (version: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
