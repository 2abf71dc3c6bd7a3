import { z } from 'zod';
import { plainText } from '../plainText.ts';

export const ChatMessage = z.strictObject({
  text: plainText({ label: 'a message', max: 1000, required: true, lines: true }),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ConsultationEndReason = z.enum(['done', 'transferred', 'noShow', 'left']);
export type ConsultationEndReason = z.infer<typeof ConsultationEndReason>;

/** Largest SDP relayed; a Chromium offer with audio, video and a screen track is well under 20 kB. */
export const MAX_SDP_CHARS = 60_000;

/**
 * WebRTC signalling relayed through the consultation room to one named participant of the same room.
 * Only descriptions and ICE candidates, size-limited; media never passes through the server.
 */
export const SignalMessage = z.strictObject({
  to: z.string().min(1).max(64),
  description: z
    .strictObject({
      type: z.enum(['offer', 'answer', 'rollback']),
      sdp: z.string().max(MAX_SDP_CHARS).optional(),
    })
    .optional(),
  candidate: z
    .strictObject({
      candidate: z.string().max(2048),
      sdpMid: z.string().max(64).nullable().optional(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type SignalMessage = z.infer<typeof SignalMessage>;

const LinkId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'not a link id');

/**
 * Consultation signalling also names the two peer connections it is between (see the client's
 * linkPairing.ts): `link` is the sender's, `peer` the receiver's as the sender knows it. A message with
 * neither description nor candidate is a greeting ("hello") that makes the pairing.
 */
export const ConsultationSignalMessage = SignalMessage.extend({ link: LinkId, peer: LinkId.nullable() });
export type ConsultationSignalMessage = z.infer<typeof ConsultationSignalMessage>;

/** What a participant is sending, so the other side can say "camera off" or "muted" instead of guessing. */
export const MediaStateMessage = z.strictObject({
  audio: z.boolean(),
  video: z.boolean(),
  screen: z.boolean(),
});
export type MediaStateMessage = z.infer<typeof MediaStateMessage>;

/** Staff send a catalogue procedure into the chat; the server fills in its name and online link. */
export const ShareProcedureMessage = z.strictObject({
  procedureId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
});

export const IceServer = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;
