import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * Synchronised hall state. Avatars are tagged `.view()`: each client receives only the ones the server
 * adds to its StateView (the avatars near it), so download per client does not grow with the crowd.
 * Population and per-area counts are small and shared with everyone, for the panel and the 2D view.
 */
export const AvatarState = schema(
  {
    nickname: t.string().default(''),
    color: t.string().default('#1971c2'),
    role: t.string().default('resident'),
    x: t.float32().default(0),
    z: t.float32().default(0),
    ry: t.float32().default(0),
    /** Area id the avatar stands in, kept by the server so lists need no geometry. */
    area: t.string().default(''),
    /** True while the owner is disconnected and may still come back. */
    away: t.boolean().default(false),
  },
  'AvatarState',
);
export type AvatarState = SchemaType<typeof AvatarState>;

export const HallState = schema(
  {
    avatars: t.map(AvatarState).view(),
    population: t.uint16().default(0),
    areaCounts: t.map('uint16'),
  },
  'HallState',
);
export type HallState = SchemaType<typeof HallState>;
