/** Heading (radians, atan2(dx, dz) like avatar headings) for each direction a seat or desk can face. */
export const FACING_ANGLE = { north: Math.PI, south: 0, east: Math.PI / 2, west: -Math.PI / 2 } as const;
