import { z } from 'zod';
import { HallLayout } from './layoutSchema.ts';

/**
 * The JSON Schema of a hall layout file, made from the zod schema (so the two cannot disagree) for
 * editors' completion and checking while a city edits `assets/halls/*.json`. What JSON Schema cannot
 * say (areas tiling the floor, doors on edges, reachability) is checked on load and on upload.
 */
export function hallJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(HallLayout, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'hall.schema.json',
    title: 'Virtual City Hall layout',
    description:
      'Areas, walls, doors, counters, furniture, seats and entrances of one city hall. Coordinates are metres; x grows east, z grows south.',
  };
}
