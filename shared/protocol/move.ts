import { z } from 'zod';

/** Coordinates are bounded far outside any plausible hall so absurd numbers fail fast before the layout check. */
const Coord = z.number().finite().min(-10_000).max(10_000);

/** The client's claimed pose. The server checks it against the layout and walking speed before accepting it. */
export const MoveMessage = z.strictObject({
  x: Coord,
  z: Coord,
  /** Heading in radians; any finite value, normalised by the server. */
  ry: z.number().finite(),
});
export type MoveMessage = z.infer<typeof MoveMessage>;

/** `placed`: the server moved the avatar itself (taking a counter, leaving a consultation). */
export const CorrectionReason = z.enum(['outOfBounds', 'throughWall', 'tooFast', 'placed']);
export type CorrectionReason = z.infer<typeof CorrectionReason>;

/** Sent to one client whose claimed position was refused: snap back to the last accepted one. */
export const CorrectionMessage = z.object({ x: z.number(), z: z.number(), reason: CorrectionReason });
export type CorrectionMessage = z.infer<typeof CorrectionMessage>;

/** Sit on an auditorium seat the avatar stands at (null: stand up). */
export const SitMessage = z.strictObject({
  seatId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .nullable(),
});
export type SitMessage = z.infer<typeof SitMessage>;
