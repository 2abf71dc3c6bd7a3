import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { hallPass, joinHall, signIn, type Participant } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import { BriefingProtocol, type EventView, type SlideView } from '../../shared/protocol/index.ts';

// A real 1×1 PNG; bytes after its end make another image with the same first bytes (the server sniffs).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const deck = (tag: string) => ({
  pages: ['1', '2'].map((n) => ({
    type: 'image/png',
    data: Buffer.concat([PNG, Buffer.from(`${tag}${n}`)]).toString('base64'),
    text: `${tag} ${n}`,
  })),
});
const as = (ip: string) => ({ 'x-forwarded-for': ip });

describe('a briefing created, started, given a new deck and ended: everyone hears at once', () => {
  let server: TestServer;
  let host: string;
  const clients = briefingClients(() => server);
  const { post, put, join, refusal } = clients;
  const hall: Participant[] = [];

  beforeAll(async () => {
    // Two people per hall room: the news must reach every room, not only the first.
    server = await startTestServer({ LOG_LEVEL: 'error', HALL_MAX_CLIENTS: '2', TRUST_PROXY: 'on' });
    host = await signIn(server.url, 'demo-host');
    hall.push(
      await joinHall(
        server.endpoint,
        { nickname: 'host', staffPass: await hallPass(server.url, host) },
        as('10.1.0.1'),
      ),
      await joinHall(server.endpoint, { nickname: 'あき' }, as('10.1.0.2')),
      await joinHall(server.endpoint, { nickname: 'ベン' }, as('10.1.0.3')),
    );
  });
  afterAll(async () => {
    await clients.leaveAll();
    for (const p of hall) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  const told = (id: number, status: EventView['status']) =>
    waitFor(
      () => hall.every((p) => p.briefings.some((e) => e.id === id && e.status === status)),
      2000,
      `every hall room told that briefing ${id} is ${status}`,
    );

  it('every hall room is told of a new briefing, of its start and of its end; residents cannot forge it', async () => {
    expect(new Set(hall.map((p) => p.room.roomId)).size).toBe(2);
    const created = await post(
      '/api/events',
      {
        title: { ja: '防災説明会', en: 'Disaster briefing' },
        description: { ja: '備蓄', en: 'Supplies' },
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 20,
      },
      host,
    );
    const event = (await created.json()) as EventView;
    await told(event.id, 'scheduled');
    expect(hall[1]!.briefings.at(-1)).toMatchObject({ title: { en: 'Disaster briefing' }, capacity: 20 });

    // A resident can neither send the hall's news nor start the briefing; a member of staff who is not a
    // host cannot start it either.
    const [, aki, ben] = hall as [Participant, Participant, Participant];
    aki.room.send('briefing', { ...event, status: 'live' });
    expect(await aki.refusal('briefing')).toBe('unknownMessage');
    aki.room.send('briefingChanged', { ...event, status: 'live' });
    expect(await aki.refusal('briefingChanged')).toBe('unknownMessage');
    expect((await post(`/api/events/${event.id}/start`, {})).status).toBe(401);
    const staff = await signIn(server.url, 'demo-staff');
    expect((await post(`/api/events/${event.id}/start`, {}, staff)).status).toBe(403);

    const startedAt = Date.now();
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(200);
    await told(event.id, 'live');
    const tookMs = Date.now() - startedAt;
    expect(tookMs).toBeLessThan(2000);
    console.log(`both hall rooms told of the start ${tookMs} ms after the start call`);
    // What each room said, in order: nothing forged came between the creation and the start.
    for (const p of [aki, ben]) expect(p.briefings.map((e) => e.status)).toEqual(['scheduled', 'live']);

    // Ending closes the attendee out with its own code (not "you left"), and the hall hears of it.
    const attendee = await join(event.id, 'あき');
    const closed = new Promise<number>((resolve) => attendee.onLeave((code) => resolve(code)));
    expect((await post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    expect(await closed).toBe(BriefingProtocol.close.ended);
    await told(event.id, 'ended');
    await expect(join(event.id, 'ベン')).rejects.toThrow(/eventNotLive/);
    const listed = (await (await fetch(`${server.url}/api/events`)).json()) as EventView[];
    expect(listed.map((e) => e.id)).not.toContain(event.id);
  });

  it('a new deck of the same length gets a new version and new page URLs; page URLs are cached by hash', async () => {
    const event = await clients.liveEvent(host);
    const attendee = await join(event.id, 'ベン');
    const presenter = await join(event.id, 'p', await hallPass(server.url, host));
    expect(attendee.state.deckVersion).toBe(1);
    const list = async () =>
      (await (await fetch(`${server.url}/api/events/${event.id}/slides`)).json()) as SlideView[];

    expect((await put(`/api/events/${event.id}/slides`, deck('A'), host)).status).toBe(200);
    await waitFor(() => attendee.state.deckVersion === 2, 2000, 'deck version 2');
    expect(attendee.state.slides).toBe(2);
    const first = await list();
    expect(first[0]!.url).toMatch(new RegExp(`^/api/events/${event.id}/slides/1\\?v=[A-Za-z0-9_-]{27}$`));

    expect((await put(`/api/events/${event.id}/slides`, deck('B'), host)).status).toBe(200);
    await waitFor(() => attendee.state.deckVersion === 3, 2000, 'deck version 3');
    expect(attendee.state.slides).toBe(2);
    const second = await list();
    expect(second.map((s) => s.text)).toEqual(['B 1', 'B 2']);
    for (const i of [0, 1]) expect(second[i]!.url).not.toBe(first[i]!.url);

    // The URL with the page's hash names that image for good; one without (or with an old hash) must be
    // asked again, and gets the page as it is now.
    const current = await fetch(`${server.url}${second[0]!.url}`);
    expect(current.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(
      Buffer.from(await current.arrayBuffer())
        .toString('latin1')
        .endsWith('B1'),
    ).toBe(true);
    const old = await fetch(`${server.url}${first[0]!.url}`);
    expect(old.headers.get('cache-control')).toBe('no-cache');
    expect(
      Buffer.from(await old.arrayBuffer())
        .toString('latin1')
        .endsWith('B1'),
    ).toBe(true);
    const plain = await fetch(`${server.url}/api/events/${event.id}/slides/1`);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    for (const bad of ['..%2F1', 'a'.repeat(65), '%3Cscript%3E'])
      expect((await fetch(`${server.url}/api/events/${event.id}/slides/1?v=${bad}`)).status).toBe(400);

    // Nobody sets the version but the server: a forged message is refused, and the version stays.
    for (const r of [attendee, presenter]) {
      r.send('setDeck', { pages: 1 });
      expect(await refusal(r, 'setDeck')).toBe('unknownMessage');
      r.send('deckVersion', 99);
      expect(await refusal(r, 'deckVersion')).toBe('unknownMessage');
    }
    expect(attendee.state.deckVersion).toBe(3);
    expect(attendee.state.slides).toBe(2);
    expect((await post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
  });
});
