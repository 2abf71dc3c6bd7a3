import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';

/** The value of one metric line (name with its labels, as Prometheus prints it), or undefined. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe('GET /metrics', () => {
  let server: TestServer;
  const open: Participant[] = [];
  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always', LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    for (const p of open) await p.room.leave().catch(() => {});
    await server.stop();
  });

  it('counts clients per room kind, queue lengths and waits, refusals by reason, queries and lag', async () => {
    const cookie = await signIn(server.url, 'demo-staff');
    const staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, cookie),
    });
    const res = await joinHall(server.endpoint, { nickname: 'めとり' });
    open.push(staff, res);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => staff.queue()?.counterId === 'shimin', 5000, 'counter taken');
    res.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => res.ticket()?.status === 'waiting', 5000, 'a number');
    // Two refusals: a staff-only message from a resident, and a malformed one.
    res.room.send(ClientMessage.callNext, {});
    expect(await res.refusal(ClientMessage.callNext)).toBe('forbidden');
    res.room.send(ClientMessage.takeTicket, { counterId: 'NOT AN ID' });
    expect(await res.refusal(ClientMessage.takeTicket)).toBe('invalidMessage');

    const scrape = await fetch(`${server.url}/metrics`);
    expect(scrape.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await scrape.text();
    const pid = process.pid;
    expect(valueOf(text, `city_hall_clients{room="hall",process="${pid}"}`)).toBe(2);
    expect(valueOf(text, `city_hall_queue_waiting{counter="shimin",process="${pid}"}`)).toBe(1);
    expect(
      valueOf(text, `city_hall_queue_longest_wait_seconds{counter="shimin",process="${pid}"}`),
    ).toBeGreaterThanOrEqual(0);
    expect(
      valueOf(text, `city_hall_messages_refused_total{room="hall",code="forbidden",process="${pid}"}`),
    ).toBe(1);
    expect(
      valueOf(text, `city_hall_messages_refused_total{room="hall",code="invalidMessage",process="${pid}"}`),
    ).toBe(1);
    expect(valueOf(text, `city_hall_db_query_seconds_count{process="${pid}"}`)).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds\{process="\d+"\} [\d.e-]+$/m);
    // Nothing personal: no nicknames or tokens.
    expect(text).not.toMatch(/めとり|佐藤|visitorToken/);
  });
});
