import { describe, expect, it } from 'vitest';
import { retryUntil } from '../../client/src/net/retryUntil.ts';

/** A clock that only moves when slept on: the schedule is checked without waiting for it. */
function fakeClock() {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
  };
}

describe('retryUntil (joining the hall again after its room was lost)', () => {
  it('tries at once, then after the given delays, the last one repeating, until it works', async () => {
    const clock = fakeClock();
    let tries = 0;
    const ok = await retryUntil(
      async () => {
        if (++tries < 6) throw new Error('no process answers yet');
      },
      { delaysMs: [0, 500, 1000, 2000], forMs: 60_000, give: () => false },
      clock,
    );
    expect(ok).toBe(true);
    expect(tries).toBe(6);
    expect(clock.slept).toEqual([0, 500, 1000, 2000, 2000, 2000]);
  });

  it('gives up after its time, and at once when the person has left', async () => {
    const clock = fakeClock();
    let tries = 0;
    const fail = async () => {
      tries++;
      throw new Error('down');
    };
    expect(await retryUntil(fail, { delaysMs: [1000], forMs: 5000, give: () => false }, clock)).toBe(false);
    expect(tries).toBe(5);
    tries = 0;
    let left = false;
    const leaving = async () => {
      tries++;
      left = true;
      throw new Error('down');
    };
    expect(await retryUntil(leaving, { delaysMs: [10], forMs: 60_000, give: () => left }, clock)).toBe(false);
    expect(tries).toBe(1);
  });
});
