import { demoCityHall } from './demoCityHall.ts';
import type { Area, Counter, HallLayout, Seat } from './layoutSchema.ts';
import { infoDeskCounter } from './infoDeskCounter.ts';
import { expandSeats, validateLayout } from './validateLayout.ts';
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

let cached: Hall | undefined;

/** The hall this build ships with (the demo city hall), validated on first use. */
export function getHall(): Hall {
  cached ??= createHall(validateLayout(demoCityHall));
  return cached;
}
