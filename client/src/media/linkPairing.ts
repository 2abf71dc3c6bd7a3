export interface HelloOutcome {
  /** Start a new peer connection for the other side's link (the old one talks to a link that is gone). */
  rebuild: boolean;
  /** Tell the other side our link id, because it does not know it yet. */
  reply: boolean;
}

/**
 * Pairs our peer connection with the other person's. Each side names its connection with a random id
 * and greets the other with it ("hello"); offers, answers and candidates carry both ids, and only those
 * between the two current connections are used. A side that reloads or reconnects greets again with a
 * new id and no partner, so the other side replaces its connection instead of feeding offers to one
 * whose partner is gone. Only a greeting without a partner makes a new id, so greetings cannot ping-pong.
 */
export class LinkPairing {
  mine: string;
  theirs: string | null = null;

  constructor(private readonly newId: () => string) {
    this.mine = newId();
  }

  /** Our side starts over (entered the room, reconnected): a new id, not paired. */
  restart(): void {
    this.mine = this.newId();
    this.theirs = null;
  }

  /** The other side greets with its link id and the id it believes is ours (null: it does not know). */
  hello(link: string, peer: string | null): HelloOutcome | null {
    // Meant for an earlier connection of ours: that side has a newer greeting on the way, or had.
    if (peer !== null && peer !== this.mine) return null;
    if (link === this.theirs) return { rebuild: false, reply: peer === null };
    // They started over: so do we, so that what they still had on the way to our old link is dropped.
    if (peer === null && this.theirs !== null) this.mine = this.newId();
    this.theirs = link;
    return { rebuild: true, reply: peer !== this.mine };
  }

  /** An offer, answer or candidate is for us only when it is between the two current links. */
  accepts(link: string, peer: string | null): boolean {
    return this.theirs !== null && link === this.theirs && peer === this.mine;
  }
}
