import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { dropSocket } from '../support/dropSocket.ts';
import { waitFor } from '../support/waitFor.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients, type Briefing } from './briefingClients.ts';
import { Client } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { createJanusClient } from '../../server/src/media/janusClient.ts';
import { createJanusAccess } from '../../server/src/media/janusAccess.ts';
import type { EventView } from '../../shared/protocol/index.ts';

/** Janus's admin API is asked at most this often while waiting for it. */
const JANUS_POLL_MS = 200;

/** Joins a VideoRoom as a publisher straight through the Janus HTTP API, as a rogue client could. */
async function joinAsPublisher(
  url: string,
  room: number,
  pin: string,
  id: number,
  token: string,
): Promise<() => Promise<void>> {
  const call = async (path: string, body: object) =>
    (await (
      await fetch(`${url}${path}`, {
        method: 'POST',
        body: JSON.stringify({ ...body, token, transaction: String(Math.random()) }),
      })
    ).json()) as { data?: { id: number } };
  const session = (await call('', { janus: 'create' })).data!.id;
  const handle = (await call(`/${session}`, { janus: 'attach', plugin: 'janus.plugin.videoroom' })).data!.id;
  await call(`/${session}/${handle}`, {
    janus: 'message',
    body: { request: 'join', ptype: 'publisher', room, pin, id, display: 'rogue' },
  });
  return async () => void (await call(`/${session}`, { janus: 'destroy' }));
}

describe('briefing media rooms on a real Janus', () => {
  let janus: RunningJanus;
  let server: TestServer;
  let host: string;
  let event: EventView;
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-janus-'));
  const boot = () => startTestServer({ ...janus.env, LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const clients = briefingClients(() => server);
  const { post, join: joinEvent, me, refusal } = clients;
  const rooms$ = () => createJanusClient(janus.url, janus.apiSecret);
  /** The event's Janus room id, as the server keeps it (drawn when the event goes live). */
  let stageRoom = 0;
  const room = () => stageRoom;
  const savedRoom = async (id: number) =>
    (await server.db.selectFrom('events').select('stage_room').where('id', '=', id).executeTakeFirstOrThrow())
      .stage_room;
  beforeAll(async () => {
    janus = await startJanus();
    server = await boot();
    host = await signIn(server.url, 'demo-host');
  }, 30_000);
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
    await janus?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('going live creates the VideoRoom; only the server can destroy it', async () => {
    event = (await (
      await post(
        '/api/events',
        {
          title: { ja: '税の説明会', en: 'Tax briefing' },
          description: { ja: '住民税の申告', en: 'Filing resident tax' },
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          capacity: 200,
          presenters: ['demo-host'],
          interpreters: ['demo-staff2'],
        },
        host,
      )
    ).json()) as EventView;
    expect(await savedRoom(event.id)).toBeNull();
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(200);
    stageRoom = (await savedRoom(event.id))!;
    expect(stageRoom).toBeGreaterThan(0);
    expect(await rooms$().exists(room())).toBe(true);
    await expect(rooms$().destroyRoom(room(), 'guessed')).rejects.toThrow();
    expect(await rooms$().exists(room())).toBe(true);
  });

  it('presenters and invited speakers get publisher ids privately; anyone else publishing is kicked', async () => {
    const presenter = await joinEvent(event.id, 'p', await hallPass(server.url, host));
    const attendee = await joinEvent(event.id, 'あい');
    const stage = await waitFor(() => attendee.inbox.find((m) => m.type === 'stage'), 5000, 'stage');
    const pin = String(stage.message.pin);
    // The rogue below is an attendee with their own Janus token, using it as no browser of ours would.
    const token = String(stage.message.token);
    expect(stage.message).toMatchObject({ mode: 'sfu', room: room() });
    const feedOf = (r: typeof presenter, n: number) =>
      waitFor(
        () => r.inbox.filter((m) => m.type === 'feed')[n]?.message.id as number,
        5000,
        'a publisher id',
      );
    const ids = async () => (await rooms$().participants(room())).map((p) => p.id).sort();

    attendee.send('requestFeed', {});
    expect(await refusal(attendee, 'requestFeed')).toBe('forbidden');
    presenter.send('requestFeed', {});
    const first = await feedOf(presenter, 0);
    expect(first).toBeGreaterThan(0);
    // Handed out privately: nobody else sees it until the presenter is on air.
    expect(attendee.state.people.get(presenter.sessionId)!.feed).toBe(0);
    const presenterLeaves = await joinAsPublisher(janus.url, room(), pin, first, token);
    await joinAsPublisher(janus.url, room(), pin, 4242, token);
    await waitFor(async () => (await ids()).length === 1, 8000, 'the rogue publisher kicked', JANUS_POLL_MS);
    expect(await ids()).toEqual([first]);
    attendee.send('onAir', { feed: first });
    expect(await refusal(attendee, 'onAir')).toBe('notYourFeed');
    presenter.send('onAir', { feed: first });
    await waitFor(() => attendee.state.people.get(presenter.sessionId)!.feed === first, 5000, 'on air');

    // The presenter's connection drops and someone takes the now public id: asking for a new id kicks them.
    await presenterLeaves();
    await joinAsPublisher(janus.url, room(), pin, first, token);
    presenter.send('requestFeed', {});
    const second = await feedOf(presenter, 1);
    expect(second).not.toBe(first);
    await waitFor(() => attendee.state.people.get(presenter.sessionId)!.feed === 0, 5000, 'off air');
    await waitFor(async () => (await ids()).length === 0, 8000, 'the old id kicked', JANUS_POLL_MS);
    await joinAsPublisher(janus.url, room(), pin, second, token);

    presenter.send('invite', { sessionId: attendee.sessionId });
    await waitFor(() => me(attendee).speaking, 5000, 'invited');
    attendee.send('requestFeed', {});
    await joinAsPublisher(janus.url, room(), pin, await feedOf(attendee, 0), token);
    await new Promise((r) => setTimeout(r, 3000)); // more than one sweep
    expect(await ids()).toHaveLength(2);
    presenter.send('stopSpeaking', { sessionId: attendee.sessionId });
    await waitFor(async () => (await ids()).length === 1, 8000, 'the former speaker removed', JANUS_POLL_MS);

    // The sign-language interpreter goes on stage beside the presenter: a second publisher in the room.
    const interpreter = await joinEvent(
      event.id,
      'i',
      await hallPass(server.url, await signIn(server.url, 'demo-staff2')),
    );
    expect(me(interpreter).role).toBe('interpreter');
    interpreter.send('requestFeed', {});
    const signing = await feedOf(interpreter, 0);
    await joinAsPublisher(janus.url, room(), pin, signing, token);
    interpreter.send('onAir', { feed: signing });
    await waitFor(() => attendee.state.people.get(interpreter.sessionId)!.feed === signing, 5000, 'on air');
    expect(await ids()).toContain(signing);
  });

  /** Opens a Janus session with these credentials, as a browser would. */
  const create = async (extra: Record<string, string>) =>
    (await (
      await fetch(janus.url, {
        method: 'POST',
        body: JSON.stringify({ janus: 'create', transaction: 'x', ...extra }),
      })
    ).json()) as { janus: string; data?: { id: number } };

  it('each member has a Janus token of their own: none, a made-up one or one of someone who left gets nothing', async () => {
    const guest = await joinEvent(event.id, 'うみ');
    const stage = await waitFor(() => guest.inbox.find((m) => m.type === 'stage'), 5000, 'stage');
    const token = String(stage.message.token);
    expect(token).toMatch(/^city-hall\./);
    expect((await create({ token })).janus).toBe('success');
    expect((await create({})).janus).toBe('error');
    expect((await create({ token: `${token}x` })).janus).toBe('error');
    // Only the server holds the API secret; it is never sent to a browser.
    expect(JSON.stringify(stage.message)).not.toContain(janus.apiSecret);
    expect((await create({ apisecret: janus.apiSecret })).janus).toBe('success');

    await guest.leave();
    await waitFor(
      async () => (await create({ token })).janus === 'error',
      5000,
      'the token withdrawn',
      JANUS_POLL_MS,
    );

    // Removed by a moderator: the same.
    const moderator = await joinEvent(event.id, 'm', await hallPass(server.url, host));
    const troll = await joinEvent(event.id, 'あらし');
    const trollStage = await waitFor(() => troll.inbox.find((m) => m.type === 'stage'), 5000, 'stage');
    const trollToken = String(trollStage.message.token);
    expect((await create({ token: trollToken })).janus).toBe('success');
    moderator.send('remove', { sessionId: troll.sessionId });
    await waitFor(
      async () => (await create({ token: trollToken })).janus === 'error',
      5000,
      'removed: withdrawn',
      JANUS_POLL_MS,
    );

    // Tokens a crashed process could not withdraw are swept after a day; current ones stay.
    const access = createJanusAccess(janus.env.JANUS_ADMIN_URL, janus.env.JANUS_ADMIN_SECRET);
    const stale = await access.grant(Date.now() - 2 * 86_400_000);
    const fresh = await access.grant();
    expect(await access.sweep(86_400_000)).toBe(1);
    expect((await create({ token: stale })).janus).toBe('error');
    expect((await create({ token: fresh })).janus).toBe('success');
    await access.revoke(fresh);
  });

  it('a dropped presenter keeps token and feed and comes back on air; removed while away, a resident stays out', async () => {
    const presenter = await joinEvent(event.id, 'p-drop', await hallPass(server.url, host));
    const moderator = await joinEvent(event.id, 'm-drop', await hallPass(server.url, host));
    const attendee = await joinEvent(event.id, 'そら');
    const stage = await waitFor(() => presenter.inbox.find((m) => m.type === 'stage'), 5000, 'stage');
    const token = String(stage.message.token);
    const feeds = () => presenter.inbox.filter((m) => m.type === 'feed').map((m) => m.message.id as number);
    const away = (r: Briefing) =>
      matchMaker.getLocalRoomById(r.roomId)!.clients.getById(r.sessionId) === undefined;
    presenter.reconnection.minUptime = 0;
    let back = 0;
    presenter.onReconnect(() => back++);

    // Asked for a publisher id, dropped before going on air: the same id comes again (it may have been lost).
    presenter.send('requestFeed', {});
    const feed = await waitFor(() => feeds()[0], 5000, 'a publisher id');
    dropSocket(presenter);
    await waitFor(() => back === 1, 10_000, 'the presenter back on the same seat');
    expect(await waitFor(() => feeds()[1], 5000, 'the id told again')).toBe(feed);
    presenter.send('onAir', { feed });
    await waitFor(() => attendee.state.people.get(presenter.sessionId)?.feed === feed, 5000, 'on air');

    // On air and dropped: attendees keep the feed, and the token keeps working (the media never stopped).
    dropSocket(presenter);
    await waitFor(() => back === 2, 10_000, 'back again');
    expect(attendee.state.people.get(presenter.sessionId)?.feed).toBe(feed);
    expect(presenter.errors).toEqual([]);
    expect((await create({ token })).janus).toBe('success');

    // A resident whose connection dropped is removed meanwhile: the seat held for them is given up.
    const troll = await joinEvent(event.id, 'あらし2');
    const trollStage = await waitFor(() => troll.inbox.find((m) => m.type === 'stage'), 5000, 'stage');
    troll.reconnection.enabled = false;
    const held = troll.reconnectionToken;
    dropSocket(troll);
    await waitFor(() => away(troll), 5000, 'the drop noticed');
    expect(moderator.state.people.has(troll.sessionId)).toBe(true);
    moderator.send('remove', { sessionId: troll.sessionId });
    await waitFor(() => !moderator.state.people.has(troll.sessionId), 5000, 'removed while away');
    expect(moderator.errors).toEqual([]);
    await waitFor(
      async () => (await create({ token: String(trollStage.message.token) })).janus === 'error',
      5000,
      'their token withdrawn',
      JANUS_POLL_MS,
    );
    await expect(new Client(server.endpoint).reconnect(held)).rejects.toThrow();
  });

  it('after a restart the server still knows the stage, and ending it destroys the VideoRoom', async () => {
    await clients.leaveAll();
    await server.stop();
    server = await boot();
    host = await signIn(server.url, 'demo-host');
    const again = await joinEvent(event.id, 'いろ');
    const stage = await waitFor(() => again.inbox.find((m) => m.type === 'stage'), 5000, 'stage again');
    expect(stage.message).toMatchObject({ mode: 'sfu', room: room() });
    expect((await post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    expect(await rooms$().exists(room())).toBe(false);
  });

  it('with Janus down, ending still closes the briefing and starting keeps the event scheduled', async () => {
    const make = async (ja: string) =>
      (await (
        await post(
          '/api/events',
          {
            title: { ja, en: 'Briefing' },
            description: { ja: '説明', en: 'About' },
            startsAt: new Date().toISOString(),
            endsAt: new Date(Date.now() + 3_600_000).toISOString(),
            capacity: 50,
          },
          host,
        )
      ).json()) as EventView;
    const live = await make('防災');
    expect((await post(`/api/events/${live.id}/start`, {}, host)).status).toBe(200);
    const attendee = await joinEvent(live.id, 'のこり');
    let closed = false;
    attendee.onLeave(() => (closed = true));

    await janus.stop();
    expect((await post(`/api/events/${live.id}/end`, {}, host)).status).toBe(200);
    await waitFor(() => closed, 5000, 'the briefing closed without Janus');

    const next = await make('年金');
    const refused = await post(`/api/events/${next.id}/start`, {}, host);
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: string }).error).toBe('stageUnavailable');
    const after = (await (await fetch(`${server.url}/api/events/${next.id}`)).json()) as EventView;
    expect(after.status).toBe('scheduled');
  });
});
