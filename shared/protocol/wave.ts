import { z } from 'zod';

/** How long a wave shows on everyone's screen; the server's budget lets a person wave about this often. */
export const WAVE_MS = 2000;

/**
 * A resident or staff member waves. No fields: who waves is the sender's session, which the server
 * knows; a body that names anyone is refused rather than trusted.
 */
export const WaveMessage = z.strictObject({});
export type WaveMessage = z.infer<typeof WaveMessage>;

/** To the people who see the waver: their avatar waves for WAVE_MS. `id` is the waver's session. */
export const WaveNotice = z.object({ id: z.string().min(1).max(64) });
export type WaveNotice = z.infer<typeof WaveNotice>;
