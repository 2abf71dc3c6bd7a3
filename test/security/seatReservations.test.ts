import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn } from '../integration/staffQueue.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import { BRIEFING_ROOM } from '../../shared/protocol/index.ts';
import type { BriefingState } from '../../shared/state/briefingState.ts';
import { waitFor } from '../support/waitFor.ts';
import { newVisitorToken } from '../support/visitorToken.ts';

/**
 * Seat reservations without connections: plain HTTP requests to the matchmaker, never a WebSocket,
 * used to keep real people out of a briefing or to open rooms. Each address is its own visitor here
 * (the server trusts X-Forwarded-For, as behind a proxy).
 */
describe('locking people out through the matchmaker', () => {
  let server: TestServer;
  const clients = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'on', OPENING_HOURS: 'always', TICKETS_PER_ADDRESS: '6' });
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });

  const matchmake = (method: string, room: string, body: unknown, from: string) =>
    fetch(`${server.url}/matchmake/${method}/${room}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });

  it('22 reservations for a briefing of 2 from one address: 3 are held, a resident still gets in', async () => {
    const event = await clients.liveEvent(await signIn(server.url, 'demo-host'), { capacity: 2 });
    const attacker = '203.0.113.50';
    // Without a visitor token the server issued, no seat is even reserved.
    const anonymous = await matchmake(
      'joinOrCreate',
      BRIEFING_ROOM,
      { eventId: event.id, nickname: 'x' },
      attacker,
    );
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('visitorTokenInvalid');
    const visitorToken = await newVisitorToken(server.url, { 'x-forwarded-for': attacker });
    const answers = await Promise.all(
      Array.from({ length: 22 }, () =>
        matchmake(
          'joinOrCreate',
          BRIEFING_ROOM,
          { eventId: event.id, nickname: 'x', visitorToken },
          attacker,
        ),
      ),
    );
    const codes = answers.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c !== 200).length).toBe(19);
    const refused = await answers.find((r) => r.status !== 200)!.json();
    expect(JSON.stringify(refused)).toContain('tooManyJoins');

    // A resident elsewhere, and a second one, join while those reservations are still held.
    for (const [i, from] of ['198.51.100.60', '198.51.100.61'].entries()) {
      const headers = { 'x-forwarded-for': from };
      const room = await new Client(server.endpoint, { headers }).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
        eventId: event.id,
        nickname: `住民${i}`,
        visitorToken: await newVisitorToken(server.url, headers),
      });
      await waitFor(() => room.state.people?.get(room.sessionId), 5000, 'seated in the briefing');
      await room.leave();
    }
  });

  it('nobody creates hall rooms: create is not offered, and joins from one address are capped', async () => {
    const created = await Promise.all(
      Array.from({ length: 5 }, () =>
        matchmake('create', 'hall', { nickname: 'x', color: '#1971c2', lang: 'ja' }, '203.0.113.51'),
      ),
    );
    expect(created.every((r) => r.status >= 400)).toBe(true);
    const joins = await Promise.all(
      Array.from({ length: 40 }, () =>
        matchmake('joinOrCreate', 'hall', { nickname: 'x', color: '#1971c2', lang: 'ja' }, '203.0.113.51'),
      ),
    );
    // JOINS_PER_ADDRESS (20) waiting reservations at most, and all of them in the one hall room.
    const held = joins.filter((r) => r.status === 200);
    expect(held).toHaveLength(20);
    const rooms = new Set(
      await Promise.all(
        held.map(
          async (r) =>
            ((await r.json()) as { roomId?: string; room?: { roomId: string } }).room?.roomId ?? '',
        ),
      ),
    );
    expect(rooms.size).toBe(1);
  });

  it('join → take a number → leave, again and again from one address: 6 numbers, then refusals', async () => {
    const staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, await signIn(server.url, 'demo-staff')),
    });
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const flood = { 'x-forwarded-for': '203.0.113.52' };
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      // A fresh identity each time (no visitor token: the hall issues one), as the attack did.
      const p = await joinHall(server.endpoint, { nickname: `f${i}` }, flood);
      await waitFor(() => p.room.state.counters.get('shimin')?.status === 'open', 5000, 'counter open');
      p.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
      codes.push(
        await waitFor(
          () => (p.ticket() ? 'taken' : p.errors.find((e) => e.type === ClientMessage.takeTicket)?.code),
          5000,
          'a number or a refusal',
        ),
      );
      await p.room.leave();
    }
    expect(codes.filter((c) => c === 'taken')).toHaveLength(6);
    expect(codes.filter((c) => c === 'rateLimited')).toHaveLength(14);
    // A resident elsewhere takes a number behind at most those six.
    const real = await joinHall(
      server.endpoint,
      { nickname: 'ほんもの' },
      { 'x-forwarded-for': '198.51.100.62' },
    );
    real.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    const ticket = await waitFor(() => real.ticket(), 5000, 'the real number');
    expect(ticket.position).toBeLessThanOrEqual(7);
    await real.room.leave();
    await staff.room.leave();
  });
});
