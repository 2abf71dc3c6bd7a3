import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { HALL_ROOM } from '../../shared/constants.ts';
import { joinResident } from './sdkClients.ts';

/** Without a trusted proxy, forwarding headers are the client's own words: the socket's address counts. */
describe('seat reservations per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ JOINS_PER_ADDRESS: '3', HALL_SEAT_RESERVATION_S: '2' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a burst with made-up X-Forwarded-For addresses is still one address, and the cap lifts by itself', async () => {
    const reserve = (i: number) =>
      fetch(`${server.url}/matchmake/joinOrCreate/${HALL_ROOM}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.1.2.${i}`,
          'x-real-ip': `10.9.9.${i}`,
        },
        body: JSON.stringify({ nickname: `flood${i}`, color: '#1971c2', lang: 'ja' }),
      }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => reserve(i)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(7);
    expect(refused[0]!.body).toContain('tooManyJoins');
    // Bad join options are refused before anything is reserved.
    const bad = await fetch(`${server.url}/matchmake/joinOrCreate/${HALL_ROOM}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: '', color: 'red', lang: 'xx' }),
    });
    expect(await bad.text()).toContain('invalidOptions');
    // The unused reservations lapse after HALL_SEAT_RESERVATION_S and a real resident gets in.
    const r = await joinResidentWhenAllowed(server.endpoint);
    expect(r.room.state.population).toBeGreaterThanOrEqual(1);
    await r.room.leave();
  });
});

/** Retries the join while the address is still over its cap (each refusal is immediate). */
async function joinResidentWhenAllowed(endpoint: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await joinResident(endpoint, 'やっと');
    } catch (err) {
      if (Date.now() > deadline || !String(err).includes('tooManyJoins')) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
