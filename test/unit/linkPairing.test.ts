import { describe, expect, it } from 'vitest';
import { LinkPairing } from '../../client/src/media/linkPairing.ts';

/** Two sides that deliver each other's greetings in order, as the room relays them. */
function pair() {
  let n = 0;
  const a = new LinkPairing(() => `a${++n}`);
  const b = new LinkPairing(() => `b${++n}`);
  const inbox: { to: LinkPairing; link: string; peer: string | null }[] = [];
  const greet = (from: LinkPairing, to: LinkPairing, peer: string | null) =>
    inbox.push({ to, link: from.mine, peer });
  const rebuilt = new Map<LinkPairing, number>([
    [a, 0],
    [b, 0],
  ]);
  const deliverAll = (limit = 20) => {
    let delivered = 0;
    while (inbox.length > 0) {
      if (++delivered > limit) throw new Error('greetings do not settle');
      const m = inbox.shift()!;
      const outcome = m.to.hello(m.link, m.peer);
      if (outcome?.rebuild) rebuilt.set(m.to, rebuilt.get(m.to)! + 1);
      if (outcome?.reply) greet(m.to, m.to === a ? b : a, m.to.theirs);
    }
    return delivered;
  };
  return { a, b, greet, deliverAll, rebuilt };
}

describe('pairing the two peer connections of a consultation', () => {
  it('both greeting at once ends with each knowing the other, each building one connection', () => {
    const { a, b, greet, deliverAll, rebuilt } = pair();
    greet(a, b, null);
    greet(b, a, null);
    deliverAll();
    expect(a.theirs).toBe(b.mine);
    expect(b.theirs).toBe(a.mine);
    expect([rebuilt.get(a), rebuilt.get(b)]).toEqual([1, 1]);
    expect(a.accepts(b.mine, a.mine)).toBe(true);
  });

  it('one lost greeting is enough: the other side answers the one that arrives', () => {
    const { a, b, greet, deliverAll } = pair();
    greet(b, a, null);
    deliverAll();
    expect(a.theirs).toBe(b.mine);
    expect(b.theirs).toBe(a.mine);
  });

  it('a side that reloads gets a new connection on both sides, and the old one’s signals are dropped', () => {
    const { a, b, greet, deliverAll, rebuilt } = pair();
    greet(a, b, null);
    deliverAll();
    const [oldA, oldB] = [a.mine, b.mine];
    // b reloads: a new id, nobody paired; its greeting makes a start over too.
    b.restart();
    greet(b, a, null);
    deliverAll();
    expect(a.mine).not.toBe(oldA);
    expect(a.theirs).toBe(b.mine);
    expect(b.theirs).toBe(a.mine);
    expect(rebuilt.get(a)).toBe(2);
    // What a's old connection still had on the way to b's old one is not for anyone now.
    expect(b.accepts(oldA, oldB)).toBe(false);
    expect(a.accepts(oldB, oldA)).toBe(false);
    // A greeting addressed to a's old connection is ignored rather than starting another round.
    expect(a.hello(b.mine, oldA)).toBeNull();
  });

  it('both reconnecting at once settles without greetings ping-ponging', () => {
    const { a, b, greet, deliverAll } = pair();
    greet(a, b, null);
    deliverAll();
    a.restart();
    b.restart();
    greet(a, b, null);
    greet(b, a, null);
    expect(deliverAll()).toBeLessThan(10);
    expect(a.theirs).toBe(b.mine);
    expect(b.theirs).toBe(a.mine);
  });

  it('a stale reply to an earlier connection of ours changes nothing', () => {
    const { a, b, greet, deliverAll } = pair();
    greet(a, b, null);
    deliverAll();
    const before = { mine: b.mine, theirs: b.theirs };
    b.restart();
    expect(b.hello(a.mine, before.mine)).toBeNull();
    expect(b.theirs).toBeNull();
  });
});
