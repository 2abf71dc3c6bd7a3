/** What the watchdog reads of a peer connection at one moment. */
export interface LinkLook {
  /** Offer and answer were exchanged: from here on the connection should come up by itself. */
  negotiated: boolean;
  connected: boolean;
}

/** The first wait for a negotiated connection that does not come up; later waits double up to the most. */
export const FIRST_WAIT_MS = 10_000;
export const MOST_WAIT_MS = 60_000;

/**
 * Notices a connection that was negotiated but never connected (or lost its connection and did not
 * get it back). Chromium can end up there when both sides offer at the same moment and one of them
 * was still setting its own offer: both are 'stable' and nothing more happens. Starting both sides
 * over repairs it; a connection that keeps failing (no route at all) is retried ever less often.
 */
export class ConnectWatch {
  private since: number | null = null;
  private wait = FIRST_WAIT_MS;

  /** Another person, or nobody: start from the first, short wait. */
  forget(): void {
    this.since = null;
    this.wait = FIRST_WAIT_MS;
  }

  /** Returns true when it is time to start over. */
  look(link: LinkLook, now: number): boolean {
    if (link.connected) {
      this.since = null;
      this.wait = FIRST_WAIT_MS;
      return false;
    }
    if (!link.negotiated) {
      this.since = null;
      return false;
    }
    if (this.since === null) this.since = now;
    if (now - this.since < this.wait) return false;
    this.since = null;
    this.wait = Math.min(this.wait * 2, MOST_WAIT_MS);
    return true;
  }
}
