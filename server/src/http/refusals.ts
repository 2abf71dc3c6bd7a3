import type { Response } from 'express';
import type { z } from 'zod';
import { formatIssues } from '../rooms/common/formatIssues.ts';
import { DomainError } from '../domainError.ts';

/** Refusal codes that are not a conflict with the current state (409, the default). */
const STATUS: Record<string, number> = {
  badRequest: 400,
  badSlide: 400,
  startsInPast: 400,
  forbidden: 403,
  rateLimited: 429,
  visitorTokenInvalid: 401,
  noSuchBooking: 404,
  noSuchSlot: 404,
  noSuchEvent: 404,
  noSuchRecord: 404,
  noSuchAccount: 404,
  noSuchDepartment: 404,
  noSuchSlide: 404,
  noSuchAnnouncement: 404,
  noSuchCounter: 404,
  noSuchCallUp: 404,
  noSuchLayout: 404,
  noSuchDataSet: 404,
  layoutProblems: 422,
  stageUnavailable: 502,
  stageRefused: 502,
};

/** The HTTP status of a refusal: chosen here, at the edge, not by the service that refused. */
export const statusOf = (code: string) => STATUS[code] ?? 409;

/** Answers a refusal as `{ error: code, message }`; anything that is not a refusal is a fault, rethrown. */
export function sendRefusal(res: Response, err: unknown): void {
  if (!(err instanceof DomainError)) throw err;
  if (err.retryAfterS !== undefined) res.setHeader('Retry-After', String(err.retryAfterS));
  res.status(statusOf(err.code)).json({ error: err.code, message: err.message });
}

/** A request that is not valid: 400 with what is wrong (zod's issues, or a sentence). */
export function sendBadRequest(res: Response, error: z.ZodError | string): void {
  res
    .status(400)
    .json({ error: 'badRequest', message: typeof error === 'string' ? error : formatIssues(error) });
}
