import { describe, expect, it } from 'vitest';
import { ConnectWatch, FIRST_WAIT_MS, MOST_WAIT_MS } from '../../client/src/media/connectWatch.ts';

const stuck = { negotiated: true, connected: false };
const up = { negotiated: true, connected: true };
const fresh = { negotiated: false, connected: false };

/** Looks every `step` ms from `from` until the watch says to start over; returns when it did. */
function restartAt(w: ConnectWatch, from: number, step = 2000, limit = 200_000): number {
  for (let t = from; t < from + limit; t += step) if (w.look(stuck, t)) return t;
  throw new Error('never restarted');
}

describe('the watch over a negotiated connection that does not come up', () => {
  it('starts over once it stayed negotiated and unconnected for the first wait', () => {
    const w = new ConnectWatch();
    expect(w.look(stuck, 0)).toBe(false);
    expect(w.look(stuck, FIRST_WAIT_MS - 1)).toBe(false);
    expect(w.look(stuck, FIRST_WAIT_MS)).toBe(true);
  });

  it('never restarts a connection that comes up, nor one not negotiated yet (nobody sends anything)', () => {
    const w = new ConnectWatch();
    for (let t = 0; t < 10 * MOST_WAIT_MS; t += 2000) {
      expect(w.look(t % 4000 === 0 ? up : fresh, t)).toBe(false);
    }
  });

  it('measures from the moment negotiation finished, not from when the link opened', () => {
    const w = new ConnectWatch();
    for (let t = 0; t <= 30_000; t += 2000) expect(w.look(fresh, t)).toBe(false);
    expect(restartAt(w, 32_000)).toBe(32_000 + FIRST_WAIT_MS);
  });

  it('waits longer after each failed try, up to the most, and from the start again once connected', () => {
    const w = new ConnectWatch();
    const gaps: number[] = [];
    let t = 0;
    for (let i = 0; i < 6; i++) {
      const at = restartAt(w, t);
      gaps.push(at - t);
      // The new connection is negotiated again a moment later.
      expect(w.look(fresh, at + 1000)).toBe(false);
      t = at + 2000;
    }
    expect(gaps).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(w.look(up, t)).toBe(false);
    expect(restartAt(w, t + 2000) - (t + 2000)).toBe(FIRST_WAIT_MS);
  });

  it('a brief drop that recovers by itself is left alone', () => {
    const w = new ConnectWatch();
    expect(w.look(up, 0)).toBe(false);
    expect(w.look(stuck, 2000)).toBe(false);
    expect(w.look(stuck, 8000)).toBe(false);
    expect(w.look(up, 10_000)).toBe(false);
    expect(w.look(stuck, 12_000)).toBe(false);
    expect(w.look(stuck, 20_000)).toBe(false);
  });

  it('another person starts from the short wait again', () => {
    const w = new ConnectWatch();
    restartAt(w, 0);
    restartAt(w, 20_000);
    w.forget();
    expect(restartAt(w, 100_000) - 100_000).toBe(FIRST_WAIT_MS);
  });
});
