import type { Hall } from './hallLayout.ts';
import type { Area, Counter } from './layoutSchema.ts';
import { cellCenter, nearestOpenCell } from '../sim/navGrid.ts';
import type { Point } from '../sim/geometry.ts';

/** A walkable point that represents an area: its centre, or the nearest open spot to it. */
export function areaDestination(hall: Hall, area: Area): Point {
  const cx = (area.rect.minX + area.rect.maxX) / 2;
  const cz = (area.rect.minZ + area.rect.maxZ) / 2;
  const cell = nearestOpenCell(hall.nav, cx, cz, 40);
  return cell >= 0 ? cellCenter(hall.nav, cell) : { x: cx, z: cz };
}

export function counterDestination(counter: Counter): { at: Point; face: Point } {
  return {
    at: { x: counter.serviceSpot[0], z: counter.serviceSpot[1] },
    face: { x: (counter.desk.minX + counter.desk.maxX) / 2, z: (counter.desk.minZ + counter.desk.maxZ) / 2 },
  };
}

/** Where a resident stands at the information desk: just south of it, facing it. */
export function infoDeskDestination(hall: Hall): { at: Point; face: Point } | null {
  const desk = hall.layout.furniture.find((f) => f.kind === 'infoDesk');
  if (!desk) return null;
  const x = (desk.rect.minX + desk.rect.maxX) / 2;
  return { at: { x, z: desk.rect.maxZ + 0.8 }, face: { x, z: desk.rect.maxZ } };
}
