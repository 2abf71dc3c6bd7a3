/**
 * Something the server refused on purpose: nothing changed. `code` is stable (clients translate it,
 * tests and logs match it), the message says why in plain English. The same error serves rooms and
 * HTTP; an HTTP status is chosen only at the HTTP edge (http/refusals.ts).
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** For a refusal that passes with time (a rate limit): the seconds until it is worth asking again. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;
