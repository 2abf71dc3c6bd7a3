import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import type { EventView } from '../../shared/protocol/index.ts';

const lines = (r: { state: { captions?: Iterable<{ text: string }> } }) =>
  [...(r.state.captions ?? [])].map((c) => c.text);

/**
 * Captions (要約筆記) and a sign-language interpreter: roles named on the event and given by the server
 * from the hall pass; only the captioner writes captions, which every attendee receives with their
 * history; the interpreter may publish on the stage like the presenter.
 */
describe('briefing captions and sign-language interpretation', () => {
  let server: TestServer;
  let host: string;
  let event: EventView;
  const { post, me, refusal, ...clients } = briefingClients(() => server);
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'error' });
    host = await signIn(server.url, 'demo-host');
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });

  it('supporting staff must be real accounts', async () => {
    const body = {
      title: { ja: '手話と字幕つき説明会', en: 'Briefing with captions and sign language' },
      description: { ja: '説明', en: 'About' },
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      capacity: 20,
      presenters: ['demo-host'],
    };
    const unknown = await post('/api/events', { ...body, captioners: ['nobody-here'] }, host);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('nobody-here');
    const tooMany = await post('/api/events', { ...body, interpreters: ['a', 'b', 'c', 'd'] }, host);
    expect(tooMany.status).toBe(400);
    event = await clients.liveEvent(host, { captioners: ['demo-staff'], interpreters: ['demo-staff2'] });
    expect(event).toMatchObject({ captioners: ['demo-staff'], interpreters: ['demo-staff2'] });
  });

  it('the captioner types line after line; everyone reads them, a latecomer gets the history too', async () => {
    const captioner = await clients.join(
      event.id,
      'x',
      await hallPass(server.url, await signIn(server.url, 'demo-staff')),
    );
    const interpreter = await clients.join(
      event.id,
      'x',
      await hallPass(server.url, await signIn(server.url, 'demo-staff2')),
    );
    expect(me(captioner).role).toBe('captioner');
    expect(me(interpreter).role).toBe('interpreter');
    const early = await clients.join(event.id, 'はやい');
    expect(me(early).role).toBe('attendee');

    captioner.send('caption', { text: 'これから説明会を始めます。' });
    await waitFor(() => lines(early).length === 1, 5000, 'the first line');
    // Only once the first line has reached the attendee, the next one.
    captioner.send('caption', { text: '最初に、避難所の場所です。' });
    await waitFor(() => lines(early).length === 2, 5000, 'the second line');
    const late = await clients.join(event.id, 'おそい');
    await waitFor(() => lines(late).length === 2, 5000, 'the history for a latecomer');
    expect(lines(late)).toEqual(['これから説明会を始めます。', '最初に、避難所の場所です。']);
  });

  it('nobody else writes captions; oversized, empty and flooded lines are refused', async () => {
    const [captioner, interpreter, early] = clients.rooms;
    const before = lines(early!);
    early!.send('caption', { text: 'にせの字幕' });
    expect(await refusal(early!, 'caption')).toBe('forbidden');
    interpreter!.send('caption', { text: 'にせの字幕' });
    expect(await refusal(interpreter!, 'caption')).toBe('forbidden');
    const moderator = await clients.join(event.id, 'x', await hallPass(server.url, host));
    moderator.send('caption', { text: 'にせの字幕' });
    expect(await refusal(moderator, 'caption')).toBe('forbidden');
    captioner!.send('caption', { text: 'あ'.repeat(201) });
    expect(await refusal(captioner!, 'caption')).toBe('invalidMessage');
    captioner!.errors.length = 0;
    captioner!.send('caption', { text: '   ' });
    expect(await refusal(captioner!, 'caption')).toBe('invalidMessage');
    captioner!.errors.length = 0;
    captioner!.send('caption', { text: '字幕', role: 'moderator' });
    expect(await refusal(captioner!, 'caption')).toBe('invalidMessage');
    expect(lines(early!)).toEqual(before);

    captioner!.errors.length = 0;
    for (let i = 0; i < 40; i++) captioner!.send('caption', { text: `連打 ${i}` });
    expect(await refusal(captioner!, 'caption')).toBe('rateLimited');
    await waitFor(() => lines(early!).length > before.length, 5000, 'the lines that were allowed');
    expect(lines(early!).length - before.length).toBeLessThanOrEqual(20);
  });
});
