/**
 * The queue under a crowd: N residents take numbers at the same moment at one counter, then staff call
 * them one after another. Prints how long a resident waits for their number, how long a call takes to
 * reach the called resident, and how many ticket updates the server sends per call (every waiting
 * resident's place changes). Asserts nothing. Usage: npm run bench:queue
 */
import { performance } from 'node:perf_hooks';
import { startTestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn, type Participant } from '../integration/staffQueue.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';

const CROWDS = [50, 200];
const CALLS = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]!;
};

async function run(crowd: number): Promise<void> {
  const server = await startTestServer({
    OPENING_HOURS: 'always',
    HALL_MAX_CLIENTS: '1000',
    LOG_LEVEL: 'error',
  });
  const people: Participant[] = [];
  try {
    const staff = await joinHall(server.endpoint, {
      nickname: 'staff',
      staffPass: await hallPass(server.url, await signIn(server.url, 'demo-staff')),
    });
    people.push(staff);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => staff.room.state.counters?.get('shimin')?.status === 'open', 5000, 'open');
    const residents: Participant[] = [];
    for (let i = 0; i < crowd; i++) residents.push(await joinHall(server.endpoint, { nickname: `r${i}` }));
    people.push(...residents);

    const sent = performance.now();
    const got: number[] = [];
    await Promise.all(
      residents.map(async (r) => {
        r.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
        await waitFor(() => r.ticket(), 30_000, 'a number');
        got.push(performance.now() - sent);
      }),
    );
    const ticketMsgsBefore = residents.reduce((n, r) => n + r.tickets.length, 0);
    const callMs: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const next = residents.find((r) => r.ticket()?.position === 1)!;
      // Timed by a message listener, not by polling, so the number is the real delivery time.
      let unbind = () => {};
      const called = new Promise<number>((resolve) => {
        unbind = next.room.onMessage('ticket', (m: { status?: string } | null) => {
          if (m?.status === 'called') resolve(performance.now());
        });
      });
      const t0 = performance.now();
      staff.room.send(ClientMessage.callNext, {});
      callMs.push((await called) - t0);
      unbind();
      await waitFor(() => next.ticket()?.status === 'called', 10_000, 'the call');
      staff.room.send(ClientMessage.markNoShow, { ticketId: next.ticket()!.id });
      await waitFor(() => next.ticket() === null, 10_000, 'no-show');
    }
    const ticketMsgs = residents.reduce((n, r) => n + r.tickets.length, 0) - ticketMsgsBefore;
    console.log(
      `${String(crowd).padStart(4)} residents: all numbered in ${pct(got, 100).toFixed(0)} ms ` +
        `(median resident ${pct(got, 50).toFixed(0)} ms); call → called resident p50 ${pct(callMs, 50).toFixed(1)} ms, ` +
        `p95 ${pct(callMs, 95).toFixed(1)} ms; ${(ticketMsgs / CALLS).toFixed(0)} ticket updates sent per call`,
    );
  } finally {
    for (const p of people) await p.room.leave().catch(() => {});
    await server.stop();
  }
}

for (const crowd of CROWDS) await run(crowd);
