/** A briefing refusal with a code the client can translate. */
export class BriefingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
