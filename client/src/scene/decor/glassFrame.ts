import type { BufferGeometry } from 'three';
import type { Wall } from '../../../../shared/layout/layoutSchema.ts';
import { PartBatch } from './partBatch.ts';
import { panesOf } from './bakedLight.ts';

const ALUMINIUM = '#5f666d';
/** Heights as parts of the wall's (the frame is one unit high and scaled with the wall's cut). */
const RAIL = 0.025;
const TRANSOM = 0.55;

/**
 * The aluminium frame of a glass wall: posts between its panes, a sill, a head and a transom (the
 * automatic doors' top), one unit high around y = 0 … 1 and centred on the wall, so Walls scales it
 * with the pane when the wall is cut away for the view.
 */
export function glassFrameGeometry(w: Wall, thickness: number): BufferGeometry | null {
  const b = new PartBatch();
  const alongX = w.from[1] === w.to[1];
  const length = Math.abs(alongX ? w.to[0] - w.from[0] : w.to[1] - w.from[1]);
  const panes = panesOf(length);
  const depth = thickness + 0.04;
  const put = (u: number, width: number, y: number, h: number) =>
    alongX ? b.box(width, h, depth, ALUMINIUM, u, y, 0) : b.box(depth, h, width, ALUMINIUM, 0, y, u);
  for (let i = 0; i <= panes; i++) put(-length / 2 + (length / panes) * i, 0.07, 0, 1);
  put(0, length, 0, RAIL);
  put(0, length, 1 - RAIL, RAIL);
  put(0, length, TRANSOM, RAIL);
  return b.build();
}

const SKIRTING = '#9a9186';
const SKIRTING_HEIGHT = 0.09;

/**
 * Skirting boards (幅木) along both faces of every solid wall: a darker band where wall meets floor, as
 * in any public building. Below the cut-away height, so it never needs to follow the view.
 */
export function skirtingGeometry(walls: Wall[], thickness: number): BufferGeometry | null {
  const b = new PartBatch();
  for (const w of walls) {
    if (w.glass) continue;
    const alongX = w.from[1] === w.to[1];
    const cx = (w.from[0] + w.to[0]) / 2;
    const cz = (w.from[1] + w.to[1]) / 2;
    const length = Math.abs(alongX ? w.to[0] - w.from[0] : w.to[1] - w.from[1]) + thickness;
    const depth = thickness + 0.03;
    if (alongX) b.box(length, SKIRTING_HEIGHT, depth, SKIRTING, cx, 0, cz);
    else b.box(depth, SKIRTING_HEIGHT, length, SKIRTING, cx, 0, cz);
  }
  return b.build();
}
