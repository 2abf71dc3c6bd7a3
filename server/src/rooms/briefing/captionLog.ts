import type { ArraySchema } from '@colyseus/schema';
import { CAPTION_LIMITS } from '../../../../shared/protocol/index.ts';
import { Caption } from '../../../../shared/state/briefingState.ts';

/** The captioners' lines in the briefing's state: numbered, in order, the oldest dropped past the limit. */
export function createCaptionLog(captions: ArraySchema<Caption>) {
  let seq = 0;
  return {
    add(text: string, now = Date.now()): void {
      const line = new Caption();
      line.id = ++seq;
      line.text = text;
      line.at = now;
      captions.push(line);
      while (captions.length > CAPTION_LIMITS.kept) captions.shift();
    },
  };
}
