import type { Client } from '@colyseus/core';
import type { z } from 'zod';
import type { Logger } from '../../logger.ts';
import { formatIssues } from './formatIssues.ts';
import type { MessageBudget } from './messageBudget.ts';

/** What each room decides for itself about client messages; the order of the checks is shared. */
export interface MessageRules<C extends string> {
  /** Why this client may not send this type (roles live in each room's own state), or null. */
  forbidden(client: Client, type: string): string | null;
  /** A refusal the work threw on purpose, with a code the client translates; anything else is a fault. */
  isRefusal(err: unknown): err is Error & { code: C };
  refuse(
    client: Client,
    type: string,
    code: C | 'invalidMessage' | 'forbidden' | 'rateLimited',
    detail: string,
  ): void;
  log: Logger;
  /** Per-client message budgets: a message over budget is refused (rateLimited) and not run. */
  budget?: MessageBudget;
}

/**
 * Registers a message handler that checks the message with zod, then who sent it, then the sender's
 * budget for this type, then runs the work.
 * Every refusal is answered with a code and changes nothing; a fault is logged and answered without
 * its details.
 */
export function onValidMessage<S extends z.ZodType, C extends string>(
  room: { onMessage(type: string, callback: (client: Client, message: unknown) => void): unknown },
  rules: MessageRules<C>,
  type: string,
  schema: S,
  run: (client: Client, message: z.infer<S>) => unknown,
): void {
  room.onMessage(type, (client, raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return rules.refuse(client, type, 'invalidMessage', formatIssues(parsed.error));
    const why = rules.forbidden(client, type);
    if (why !== null) return rules.refuse(client, type, 'forbidden', why);
    const fail = (err: unknown) => {
      if (rules.isRefusal(err)) return rules.refuse(client, type, err.code, err.message);
      rules.log.error(`${type} failed`, err);
      rules.refuse(client, type, 'invalidMessage', 'the server could not do that');
    };
    const go = () => {
      try {
        Promise.resolve(run(client, parsed.data)).catch(fail);
      } catch (err) {
        fail(err);
      }
    };
    if (!rules.budget) return go();
    rules.budget(client.sessionId, type).then((waitS) => {
      if (waitS === null) go();
      else rules.refuse(client, type, 'rateLimited', `too many "${type}" messages: wait ${waitS} s`);
    }, fail);
  });
}
