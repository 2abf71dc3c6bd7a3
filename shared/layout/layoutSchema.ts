import { z } from 'zod';
import { OpeningHours, isTimeZone } from '../hours/openingHours.ts';

/**
 * The hall plan as data. Coordinates are metres on the floor plane: x grows east, z grows south
 * (three.js convention, y is up), so north is "up" on the 2D plan.
 */
export const Vec2 = z.tuple([z.number().finite(), z.number().finite()]);
export type Vec2 = z.infer<typeof Vec2>;

import { LocalizedText } from '../i18n/localized.ts';
export { LocalizedText };

export const Rect = z
  .object({ minX: z.number(), minZ: z.number(), maxX: z.number(), maxZ: z.number() })
  .refine((r) => r.minX < r.maxX && r.minZ < r.maxZ, { message: 'rect must have min < max on both axes' });
export type Rect = z.infer<typeof Rect>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');

export const Facing = z.enum(['north', 'south', 'east', 'west']);
export type Facing = z.infer<typeof Facing>;

export const AreaKind = z.enum(['lobby', 'counters', 'corridor', 'consultation', 'auditorium']);
export type AreaKind = z.infer<typeof AreaKind>;

export const Area = z.object({
  id: Id,
  kind: AreaKind,
  name: LocalizedText,
  description: LocalizedText,
  rect: Rect,
  /** Floor tint, so each zone reads at a glance (and in the 2D plan). */
  floorColor: z.string().regex(/^#[0-9a-f]{6}$/i),
  guideColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i)
    .optional()
    .describe(
      'colour of the floor guidance line (床面誘導線) to this counter area; a colour-blind-safe palette colour when absent',
    ),
});
export type Area = z.infer<typeof Area>;

/** Walls are axis-aligned segments; their thickness comes from the layout. Doors are gaps between walls. */
export const Wall = z
  .object({ id: Id, from: Vec2, to: Vec2, glass: z.boolean().default(false) })
  .refine((w) => (w.from[0] === w.to[0]) !== (w.from[1] === w.to[1]), {
    message: 'walls must be axis-aligned and have a length',
  });
export type Wall = z.infer<typeof Wall>;

export const Door = z.object({
  id: Id,
  at: Vec2,
  width: z.number().positive(),
  between: z.tuple([Id, Id]),
});
export type Door = z.infer<typeof Door>;

export const Counter = z.object({
  id: Id,
  /** Number shown on the sign, as residents say it ("3番窓口"). */
  number: z.number().int().positive().describe('the number on the sign (3 for 3番窓口), unique in the hall'),
  departmentId: Id.describe('the catalogue department served here (departments.csv id)'),
  name: LocalizedText,
  handles: LocalizedText.describe('what residents come here for, per language'),
  areaId: Id.describe('the area (id) the desk stands in'),
  desk: Rect.describe('the desk, in metres'),
  facing: Facing.describe('the side residents stand on'),
  /** Where a resident stands to be served, and where staff stand behind the desk. */
  serviceSpot: Vec2.describe('[x, z] where a resident stands to be served (must be walkable)'),
  staffSpot: Vec2.describe('[x, z] where staff stand behind the desk'),
  /** Overrides the hall's opening hours for this counter (e.g. a Saturday morning service). */
  openingHours: OpeningHours.optional(),
});
export type Counter = z.infer<typeof Counter>;

export const FurnitureKind = z.enum(['infoDesk', 'stage', 'bench', 'plant', 'table']);
export const Furniture = z.object({
  id: Id,
  kind: FurnitureKind,
  rect: Rect,
  height: z.number().positive(),
  name: LocalizedText.optional(),
});
export type Furniture = z.infer<typeof Furniture>;

/** A rectangular block of seats; expanded into single seats by `expandSeats`. */
export const SeatBlock = z.object({
  id: Id,
  areaId: Id,
  origin: Vec2,
  rows: z.number().int().positive(),
  cols: z.number().int().positive(),
  spacing: Vec2,
  facing: Facing,
});
export type SeatBlock = z.infer<typeof SeatBlock>;

export const HallLayout = z.object({
  /** Where editors find the JSON Schema (`./hall.schema.json` beside the file); ignored otherwise. */
  $schema: z.string().max(500).optional(),
  id: Id,
  name: LocalizedText,
  /** IANA zone of the city; opening hours are read on its wall clock. */
  timeZone: z.string().refine(isTimeZone, { message: 'not a known IANA time zone' }),
  openingHours: OpeningHours,
  bounds: Rect.describe('the building outline in metres; areas must tile it exactly'),
  wallHeight: z.number().positive(),
  wallThickness: z.number().positive(),
  areas: z.array(Area).min(1),
  walls: z.array(Wall),
  doors: z.array(Door).describe('openings between two areas; no wall may cross one'),
  counters: z.array(Counter),
  furniture: z.array(Furniture),
  seatBlocks: z.array(SeatBlock),
  spawnPoints: z
    .array(Vec2)
    .min(1)
    .describe('[x, z] entrances where people appear; the first is where the plan is reached from'),
});
export type HallLayout = z.infer<typeof HallLayout>;
export type HallLayoutInput = z.input<typeof HallLayout>;

export interface Seat {
  id: string;
  /** The seat block it belongs to: blocks either side of an aisle are apart even in the same row. */
  block: string;
  areaId: string;
  at: Vec2;
  facing: Facing;
}
