import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hallPass, joinHall, signIn } from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';
import { ClientMessage, VISITOR_TOKEN_PATTERN } from '../../shared/protocol/index.ts';
import { newVisitorToken } from '../support/visitorToken.ts';
import { waitFor } from '../support/waitFor.ts';

/** A token of the right shape whose signature the server never made: one character of a real one changed. */
const forge = (real: string) => `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;

/**
 * Identity is what the server signs, not what a client says: made-up tokens find nobody's number and
 * book nothing, and fresh real ones are counted per address (3 per hour here), so a loop of new
 * identities runs dry. Each address is its own visitor (the server trusts X-Forwarded-For, as behind a
 * proxy).
 */
describe('visitor tokens: only the server makes identities', () => {
  let server: TestServer;
  const clients = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: 'on',
      OPENING_HOURS: 'always',
      VISITOR_TOKENS_PER_ADDRESS: '3',
    });
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('a made-up token does not find the resident it imitates: the hall gives a new identity instead', async () => {
    const staff = await joinHall(server.endpoint, {
      nickname: 'x',
      staffPass: await hallPass(server.url, await signIn(server.url, 'demo-staff')),
    });
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    const aki = await joinHall(server.endpoint, { nickname: 'あき' }, from('198.51.100.1'));
    await waitFor(() => aki.room.state.counters.get('shimin')?.status === 'open', 5000, 'counter open');
    expect(aki.visitorToken).toMatch(VISITOR_TOKEN_PATTERN);
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => aki.ticket(), 5000, 'aki holds a number');

    for (const fake of [forge(aki.visitorToken!), 'a'.repeat(43), 'x'.repeat(200)]) {
      const impostor = await joinHall(
        server.endpoint,
        { nickname: 'なりすまし', visitorToken: fake },
        from('198.51.100.2'),
      );
      await waitFor(() => impostor.visitorToken !== fake, 5000, 'a new identity for the impostor');
      expect(impostor.visitorToken).toMatch(VISITOR_TOKEN_PATTERN);
      expect(impostor.ticket() ?? null).toBeNull();
      await impostor.room.leave();
    }
    // The real token still finds the number after a reload.
    await aki.room.leave();
    const back = await joinHall(
      server.endpoint,
      { nickname: 'あき', visitorToken: aki.visitorToken },
      from('198.51.100.1'),
    );
    await waitFor(() => back.ticket()?.counterId === 'shimin', 5000, 'aki has the number back');
    await back.room.leave();
    await staff.room.leave();
  });

  it('bookings need a signed token: a forged or missing one is refused and books nothing', async () => {
    const staff = await signIn(server.url, 'demo-staff');
    const slot = (await (
      await fetch(`${server.url}/api/slots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: staff },
        body: JSON.stringify({
          counterId: 'shimin',
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          minutes: 20,
          capacity: 1,
        }),
      })
    ).json()) as { id: number };
    const book = (visitorToken: unknown) =>
      fetch(`${server.url}/api/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ slotId: slot.id, nickname: 'ゆい', visitorToken }),
      });
    const real = await newVisitorToken(server.url, from('198.51.100.3'));
    const forged = await book(forge(real));
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: string }).error).toBe('visitorTokenInvalid');
    const oldShape = await book('a'.repeat(43));
    expect(oldShape.status).toBe(400);
    expect(((await oldShape.json()) as { message: string }).message).toMatch(/visitorToken/);
    expect((await book(undefined)).status).toBe(400);
    const slots = (await (await fetch(`${server.url}/api/slots?counter=shimin`)).json()) as {
      id: number;
      remaining: number;
    }[];
    expect(slots.find((s) => s.id === slot.id)!.remaining).toBe(1);
    expect((await book(real)).status).toBe(201);
  });

  it('a removed attendee stays out with their token, a forged one is refused, and new ones run out', async () => {
    const host = await signIn(server.url, 'demo-host');
    const event = await clients.liveEvent(host);
    const moderator = await clients.join(event.id, 'host', await hallPass(server.url, host));
    const address = from('203.0.113.9');
    const first = await newVisitorToken(server.url, address);
    const troll = await clients.join(event.id, 'troll', undefined, { visitorToken: first });
    const closed = new Promise<number>((resolve) => troll.onLeave((code) => resolve(code)));
    moderator.send('remove', { sessionId: troll.sessionId });
    expect(await closed).toBe(4403);
    await expect(clients.join(event.id, 'troll', undefined, { visitorToken: first })).rejects.toThrow(
      /removed/,
    );
    await expect(clients.join(event.id, 'troll', undefined, { visitorToken: forge(first) })).rejects.toThrow(
      /visitorTokenInvalid/,
    );

    // Two more fresh identities from that address, then none: not from the API, not by entering the hall.
    await newVisitorToken(server.url, address);
    await newVisitorToken(server.url, address);
    const dry = await fetch(`${server.url}/api/visitor`, { method: 'POST', headers: address });
    expect(dry.status).toBe(429);
    expect(((await dry.json()) as { error: string }).error).toBe('rateLimited');
    // Refused entries hold no seat reservation: after 25 of them (more than JOINS_PER_ADDRESS, 20), a
    // resident at that address who already has a token still gets in.
    for (let i = 0; i < 25; i++) {
      await expect(joinHall(server.endpoint, { nickname: 'troll' }, address)).rejects.toThrow(/rateLimited/);
    }
    const neighbour = await joinHall(server.endpoint, { nickname: 'となり', visitorToken: first }, address);
    await neighbour.room.leave();
    // Someone at another address is not affected.
    const other = await joinHall(server.endpoint, { nickname: 'ほかの人' }, from('203.0.113.10'));
    expect(other.visitorToken).toMatch(VISITOR_TOKEN_PATTERN);
    await other.room.leave();
  });
});
