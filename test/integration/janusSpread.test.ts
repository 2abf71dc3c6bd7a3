import { randomBytes } from 'node:crypto';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { joinStageViewer, type StageViewer } from '../support/stageViewer.ts';
import { joinStagePublisher, type StagePublisher } from '../support/stagePublisher.ts';
import { joinBriefingStage } from '../support/stageJoin.ts';
import { newVisitorToken } from '../support/visitorToken.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import { createJanusClient } from '../../server/src/media/janusClient.ts';
import { BRIEFING_ROOM, type EventView } from '../../shared/protocol/index.ts';
import { JanusSession } from '../../client/src/media/janusSession.ts';

/** Janus's admin API and the stage sweep are asked at most this often while waiting. */
const POLL_MS = 200;

/**
 * Two Janus instances behind one hall (JANUS_URLS), a share of three members each: the presenter and the
 * first two viewers are on the first, the next ones on the second, which receives the stage forwarded
 * from the first (VideoRoom remote publishers). A speaker on the second reaches the first the same way.
 */
describe('a briefing spread over two Janus instances', () => {
  const janus: RunningJanus[] = [];
  let server: TestServer;
  let event: EventView;
  let host: string;
  let presenter: StagePublisher;
  const viewers: StageViewer[] = [];
  const clients = briefingClients(() => server);
  const rooms = (i: number) => createJanusClient(janus[i]!.url, janus[i]!.apiSecret);

  beforeAll(async () => {
    const secrets = {
      apiSecret: randomBytes(18).toString('base64url'),
      adminSecret: randomBytes(18).toString('base64url'),
    };
    for (let i = 0; i < 2; i++) janus.push(await startJanus(secrets));
    server = await startTestServer({
      JANUS_URLS: janus.map((j) => j.url).join(','),
      JANUS_ADMIN_URLS: janus.map((j) => j.env.JANUS_ADMIN_URL).join(','),
      JANUS_API_SECRET: secrets.apiSecret,
      JANUS_ADMIN_SECRET: secrets.adminSecret,
      JANUS_VIEWERS_PER_INSTANCE: '3',
      LOG_LEVEL: 'error',
    });
    host = await signIn(server.url, 'demo-host');
    event = await clients.liveEvent(host, { capacity: 20 });
  }, 60_000);
  afterAll(async () => {
    // Rooms closed by the end of the event never answer a leave: do not wait on them for long.
    const close = (c: { close(): Promise<void> } | undefined) => Promise.race([c?.close(), settle(1000)]);
    for (const v of viewers.splice(0)) await close(v);
    await close(presenter);
    await clients.leaveAll();
    await server?.stop();
    for (const j of janus) await j.stop();
  });

  /** The event's Janus room id (the same on both instances). */
  const room = async () =>
    (
      await server.db
        .selectFrom('events')
        .select('stage_room')
        .where('id', '=', event.id)
        .executeTakeFirstOrThrow()
    ).stage_room!;
  const feedOf = (who: { room: StagePublisher['room']; sessionId: string }) =>
    who.room.state.people.get(who.sessionId)?.feed ?? 0;
  /** Waits until `v` has received `more` audio packets beyond now (20 ms each: time measured by the stream). */
  const audioAdvances = (v: StageViewer, more: number) => {
    const from = v.stats().audioPackets;
    return waitFor(() => v.stats().audioPackets >= from + more, 10_000, `${more} more audio packets`, 20);
  };

  it('viewers beyond the first instance’s share go to the second, which receives the stage from the first', async () => {
    presenter = await joinStagePublisher(server.url, event.id, {
      staffPass: await hallPass(server.url, host),
    });
    expect(presenter.janusUrl).toBe(janus[0]!.url);
    for (let i = 0; i < 4; i++)
      viewers.push(await joinStageViewer(server.url, event.id, { nickname: `見る${i}` }));
    // Three each (the presenter counts on the first).
    expect(viewers.map((v) => v.janusUrl)).toEqual([
      janus[0]!.url,
      janus[0]!.url,
      janus[1]!.url,
      janus[1]!.url,
    ]);
    for (const v of viewers) {
      await waitFor(() => v.stats().videoPackets > 100 && v.stats().audioPackets > 50, 20_000, 'the stage');
    }
    // On the second Janus the presenter is a remote publisher under the same id: nobody publishes there.
    expect(await rooms(1).participants(await room())).toEqual([
      expect.objectContaining({ id: feedOf(presenter), remote: true, publisher: true }),
    ]);
  });

  it('an attendee going audio-only stops receiving video (Janus stops sending it); the others keep it', async () => {
    const [, , v, neighbour] = viewers as [StageViewer, StageViewer, StageViewer, StageViewer];
    await v.audioOnly(true);
    await audioAdvances(v, 25); // what was in flight has arrived
    const video = v.stats().videoPackets;
    const neighbourVideo = neighbour.stats().videoPackets;
    await audioAdvances(v, 100); // two seconds of the stage
    expect(v.stats().videoPackets).toBe(video);
    expect(neighbour.stats().videoPackets).toBeGreaterThan(neighbourVideo + 30);
    await v.audioOnly(false);
    await waitFor(() => v.stats().videoPackets > video + 30, 10_000, 'the video back');
  });

  it('an invited speaker on the second instance reaches viewers on the first', async () => {
    // The first is full (presenter and two viewers), so this attendee is sent to the second.
    const speaker = await joinStagePublisher(server.url, event.id, {
      visitorToken: await newVisitorToken(server.url),
      nickname: 'はなす',
      beforeFeed: async (r) => {
        presenter.room.send('invite', { sessionId: r.sessionId });
        await waitFor(() => r.state.people.get(r.sessionId)?.speaking, 5000, 'invited');
      },
    });
    try {
      expect(speaker.janusUrl).toBe(janus[1]!.url);
      // Both instances are at their share: the next viewer goes back to the first.
      const listener = await joinStageViewer(server.url, event.id, {
        nickname: '聞く',
        feedOf: (r) => [...r.state.people.values()].find((p) => p.role === 'attendee' && p.feed > 0)?.feed,
      });
      viewers.push(listener);
      expect(listener.janusUrl).toBe(janus[0]!.url);
      expect(listener.feed).toBe(speaker.feed);
      await waitFor(
        () => listener.stats().audioPackets > 50,
        20_000,
        'the speaker’s voice on the first Janus',
      );

      // The turn ends: the speaker's publisher is removed on the second, and its copy on the first.
      presenter.room.send('stopSpeaking', { sessionId: speaker.sessionId });
      await waitFor(
        async () => !(await rooms(0).participants(await room())).some((p) => p.id === speaker.feed),
        10_000,
        'the copy removed',
        POLL_MS,
      );
      expect((await rooms(1).participants(await room())).map((p) => p.id)).not.toContain(speaker.feed);
    } finally {
      await speaker.close();
    }
  });

  it('the server, not the client, picks the Janus and room; tokens and forged requests go nowhere', async () => {
    // Join options naming a Janus or a room are refused before any seat is reserved.
    await expect(
      new Client(server.endpoint).joinOrCreate(BRIEFING_ROOM, {
        eventId: event.id,
        nickname: 'ずる',
        visitorToken: await newVisitorToken(server.url),
        janusUrl: janus[0]!.url,
        room: 1,
      }),
    ).rejects.toThrow(/invalidOptions/);

    // A member's token is good on the instance they were sent to only.
    const { room: member, stage } = await joinBriefingStage(server.url, event.id, {
      nickname: 'とくん',
      visitorToken: await newVisitorToken(server.url),
    });
    try {
      const create = async (url: string) =>
        (await (
          await fetch(url, {
            method: 'POST',
            body: JSON.stringify({ janus: 'create', transaction: 'x', token: stage.token }),
          })
        ).json()) as { janus: string };
      const mine = janus.findIndex((j) => j.url === stage.url);
      expect(mine).toBeGreaterThanOrEqual(0);
      expect((await create(janus[mine]!.url)).janus).toBe('success');
      expect((await create(janus[1 - mine]!.url)).janus).toBe('error');

      // Publishing there with an id the briefing never handed out: kicked by the next sweeps.
      const rogue = await JanusSession.create(stage.url, stage.token);
      try {
        const h = await rogue.attach();
        await h.send({ request: 'join', ptype: 'publisher', room: stage.room, pin: stage.pin, id: 4242 });
        expect((await rooms(mine).participants(stage.room)).map((p) => p.id)).toContain(4242);
        await waitFor(
          async () => !(await rooms(mine).participants(stage.room)).some((p) => p.id === 4242),
          8000,
          'the rogue kicked',
          POLL_MS,
        );
      } finally {
        rogue.destroy();
      }
    } finally {
      await member.leave();
    }

    // Forged subscriber settings are refused by Janus and change nothing for anyone.
    const v = viewers[2]!;
    const video = v.stats().videoPackets;
    await expect(v.configure({ streams: [{ mid: '1', substream: 9 }] })).rejects.toThrow(/substream/);
    await expect(v.configure({ streams: [{ mid: '1', send: 'no' }] })).rejects.toThrow(/boolean/);
    await waitFor(() => v.stats().videoPackets > video + 30, 10_000, 'video still flowing');
  });

  it('ending the briefing destroys its room on both instances', async () => {
    const id = await room();
    expect((await clients.post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    for (const i of [0, 1]) expect(await rooms(i).exists(id)).toBe(false);
  });
});
