import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients, type Briefing } from './briefingClients.ts';
import { SlideDeckUpload, type EventView, type SlideView } from '../../shared/protocol/index.ts';
import { createSlideService } from '../../server/src/services/slideService.ts';

// A real 1×1 PNG and the first bytes of a JPEG: the server checks what the bytes are, not the name.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
const page = (text: string, type = 'image/png', data = PNG) => ({ type, data, text });

describe('briefing stage without Janus: slide decks, peer-to-peer viewers, speakers', () => {
  let server: TestServer;
  let host: string;
  let event: EventView;
  const clients = briefingClients(() => server);
  const { post, put, me, refusal, join: joinEvent } = clients;
  const join = (nickname: string, pass?: string) => joinEvent(event.id, nickname, pass);
  const slides = async () =>
    (await (await fetch(`${server.url}/api/events/${event.id}/slides`)).json()) as SlideView[];
  let presenter: Briefing, a: Briefing, b: Briefing, c: Briefing;

  beforeAll(async () => {
    server = await startTestServer({ P2P_STAGE_VIEWERS: '2', LOG_LEVEL: 'error' });
    host = await signIn(server.url, 'demo-host');
    const created = await post(
      '/api/events',
      {
        title: { ja: '税の説明会', en: 'Tax briefing' },
        description: { ja: '確定申告', en: 'Tax returns' },
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 50,
        presenters: ['demo-host'],
      },
      host,
    );
    event = (await created.json()) as EventView;
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });

  it('only hosts replace a deck; a bad page is refused and the saved deck stays', async () => {
    const url = `/api/events/${event.id}/slides`;
    const deck = { pages: [page('税の基本'), page('申告の期限')] };
    expect((await put(url, deck)).status).toBe(401);
    expect((await put(url, deck, await signIn(server.url, 'demo-staff'))).status).toBe(403);
    expect((await put(url, deck, host)).status).toBe(200);

    const mislabelled = await put(url, { pages: [page('ok'), page('bad', 'image/png', JPEG)] }, host);
    expect(mislabelled.status).toBe(400);
    expect(((await mislabelled.json()) as { message: string }).message).toMatch(
      /page 2: the data is image\/jpeg/,
    );
    const notImage = await put(
      url,
      { pages: [page('x', 'image/webp', Buffer.from('<svg/>').toString('base64'))] },
      host,
    );
    expect(((await notImage.json()) as { message: string }).message).toMatch(/not a PNG, JPEG or WebP/);
    const tooMany = await put(url, { pages: Array.from({ length: 81 }, (_, i) => page(`${i}`)) }, host);
    expect(tooMany.status).toBe(400);
    expect((await put(url, { pages: [page('制御\u0007文字')] }, host)).status).toBe(400);
    expect((await put(url, { pages: [] }, host)).status).toBe(400);
    expect((await slides()).map((s) => s.text)).toEqual(['税の基本', '申告の期限']);

    const image = await fetch(`${server.url}${(await slides())[0]!.url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect((await fetch(`${server.url}${url}/3`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/events/abc/slides`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/events/99999/slides`)).status).toBe(404);
  });

  it('pages are revalidated by hash; a deck replaced through another process is served new at once', async () => {
    const deck = (tag: string) => ({
      // Still a PNG by its first bytes, different content per deck.
      pages: [
        page(
          `版${tag}`,
          'image/png',
          Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from(tag)]).toString('base64'),
        ),
      ],
    });
    const url = `/api/events/${event.id}/slides`;
    expect((await put(url, deck('1'), host)).status).toBe(200);
    const first = await fetch(`${server.url}${url}/1`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(
      Buffer.from(await first.arrayBuffer())
        .toString('latin1')
        .endsWith('1'),
    ).toBe(true);
    // As a browser revalidates (fetch() alone would add Cache-Control: no-cache, which never gets a 304).
    const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await fetch(`${server.url}${url}/1`, { headers: revalidate });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);

    // Another process (its own cache, the same database) replaces the deck: this one notices.
    await createSlideService(server.db).replace(event.id, SlideDeckUpload.parse(deck('2')));
    const fresh = await fetch(`${server.url}${url}/1`, { headers: revalidate });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).not.toBe(etag);
    expect(
      Buffer.from(await fresh.arrayBuffer())
        .toString('latin1')
        .endsWith('2'),
    ).toBe(true);

    // A page stored without its hash (by an older process during an upgrade) is hashed, not named by page.
    await server.db
      .updateTable('event_slides')
      .set({ etag: null })
      .where('event_id', '=', event.id)
      .execute();
    const unhashed = await fetch(`${server.url}${url}/1`, { headers: revalidate });
    expect(unhashed.status).toBe(200);
    const unhashedTag = unhashed.headers.get('etag');
    expect(unhashedTag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    await server.db
      .updateTable('event_slides')
      .set({ image: Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from('3')]), etag: null })
      .where('event_id', '=', event.id)
      .execute();
    const changed = await fetch(`${server.url}${url}/1`, {
      headers: { 'if-none-match': unhashedTag!, 'cache-control': 'max-age=0' },
    });
    expect(changed.status).toBe(200);
    expect(
      Buffer.from(await changed.arrayBuffer())
        .toString('latin1')
        .endsWith('3'),
    ).toBe(true);
    expect((await put(url, { pages: [page('税の基本'), page('申告の期限')] }, host)).status).toBe(200);
  });

  it('without Janus the stage is peer-to-peer: the first two are viewers, and the room says so', async () => {
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(200);
    presenter = await join('p', await hallPass(server.url, host));
    a = await join('あい');
    b = await join('ぶん');
    c = await join('ちか');
    expect(c.state.media).toBe('p2p');
    expect(c.state.p2pLimit).toBe(2);
    expect(c.state.slides).toBe(2);
    expect([a, b, c].map((r) => me(r).viewer)).toEqual([true, true, false]);
    const stage = await waitFor(() => c.inbox.find((m) => m.type === 'stage'), 5000, 'stage info');
    expect(stage.message).toMatchObject({ mode: 'p2p', limit: 2 });
  });

  it('pages: presenters turn within the deck; a new deck reaches everyone at once', async () => {
    a.send('slide', { index: 1 });
    expect(await refusal(a, 'slide')).toBe('forbidden');
    presenter.send('slide', { index: 2 });
    expect(await refusal(presenter, 'slide')).toBe('invalidMessage');
    presenter.send('slide', { index: 1 });
    await waitFor(() => c.state.slide === 1, 5000, 'page 2 for all');
    const three = { pages: [page('一'), page('二'), page('三')] };
    expect((await put(`/api/events/${event.id}/slides`, three, host)).status).toBe(200);
    await waitFor(() => a.state.slides === 3 && c.state.slides === 3, 5000, 'new deck for all');
    expect(a.state.slide).toBe(1);
  });

  it('signalling goes only between the presenter and a viewer or invited speaker', async () => {
    const offer = { description: { type: 'offer', sdp: 'v=0' } };
    presenter.send('signal', { to: a.sessionId, ...offer });
    const got = await waitFor(() => a.inbox.find((m) => m.type === 'signal'), 5000, 'relayed');
    expect(got.message).toMatchObject({ from: presenter.sessionId, description: { type: 'offer' } });
    a.send('signal', { to: b.sessionId, ...offer });
    expect(await refusal(a, 'signal')).toBe('invalidMessage');
    presenter.send('signal', { to: c.sessionId, ...offer });
    expect(await refusal(presenter, 'signal')).toBe('invalidMessage');
    c.send('signal', { to: presenter.sessionId, description: { type: 'offer', sdp: 'x'.repeat(60_001) } });
    expect(await refusal(c, 'signal')).toBe('invalidMessage');

    // Invited to speak, the third attendee may talk to the presenter; a fellow attendee cannot end it.
    presenter.send('invite', { sessionId: c.sessionId });
    await waitFor(() => me(c).speaking, 5000, 'invited');
    presenter.send('signal', { to: c.sessionId, ...offer });
    await waitFor(() => c.inbox.find((m) => m.type === 'signal'), 5000, 'relayed to the speaker');
    b.send('stopSpeaking', { sessionId: c.sessionId });
    expect(await refusal(b, 'stopSpeaking')).toBe('invalidMessage');
    c.send('stopSpeaking', { sessionId: c.sessionId });
    await waitFor(() => !me(c).speaking, 5000, 'stopped by themself');
    expect(a.inbox.filter((m) => m.type === 'signal')).toHaveLength(1);
  });

  it('when a viewer leaves, the next in line receives the video; an ended event takes no deck', async () => {
    await a.leave();
    await waitFor(() => me(c).viewer, 5000, 'the third becomes a viewer');
    expect(me(b).viewer).toBe(true);
    expect((await post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    expect((await put(`/api/events/${event.id}/slides`, { pages: [page('後')] }, host)).status).toBe(409);
  });
});
