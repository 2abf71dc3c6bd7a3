import { z } from 'zod';

// Control characters (except newline) would let a message hide or reorder text in the other's view.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

export const ChatMessage = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'the message is empty')
    .max(1000, 'a message is at most 1000 characters')
    .refine((s) => !CONTROL.test(s), { message: 'the message may not contain control characters' }),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ConsultationEndReason = z.enum(['done', 'transferred', 'noShow', 'left']);
export type ConsultationEndReason = z.infer<typeof ConsultationEndReason>;
