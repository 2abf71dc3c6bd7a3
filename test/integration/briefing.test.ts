import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';
import { hallPass, signIn } from './staffQueue.ts';
import type { EventView } from '../../shared/protocol/index.ts';
import { briefingClients } from './briefingClients.ts';
import { orderQuestions } from '../../shared/briefing/questionOrder.ts';
import { Client } from '@colyseus/sdk';
import { BRIEFING_ROOM } from '../../shared/protocol/index.ts';

describe('briefings: events, seats and overflow, hands and Q&A', () => {
  let server: TestServer;
  let host: string;
  let event: EventView;
  beforeAll(async () => {
    server = await startTestServer({ BRIEFING_SEATS: '2', LOG_LEVEL: 'error' });
    host = await signIn(server.url, 'demo-host');
  });
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });

  const { post, me, refusal, ...clients } = briefingClients(() => server);
  const rooms = clients.rooms;
  // Each resident's tab token (as the hall gives it), so a rejoin is recognised as the same person.
  const tokenOf = clients.tokenOf;
  const join = async (nickname: string, staffPass?: string) =>
    clients.join(event.id, nickname, staffPass, staffPass ? {} : { visitorToken: await tokenOf(nickname) });

  it('only hosts create events; residents list them and get an .ics', async () => {
    const body = {
      title: { ja: '子育て支援説明会', en: 'Childcare support briefing' },
      description: { ja: '児童手当と保育所の申込について', en: 'Child allowance and nursery applications' },
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      capacity: 4,
      presenters: ['demo-host'],
    };
    expect((await post('/api/events', body)).status).toBe(401);
    expect((await post('/api/events', body, await signIn(server.url, 'demo-staff'))).status).toBe(403);
    expect((await post('/api/events', { ...body, presenters: ['demo-staff'] }, host)).status).toBe(400);
    expect((await post('/api/events', { ...body, endsAt: body.startsAt }, host)).status).toBe(400);
    const created = await post('/api/events', body, host);
    expect(created.status).toBe(201);
    event = (await created.json()) as EventView;
    const list = (await (await fetch(`${server.url}/api/events`)).json()) as EventView[];
    expect(list.map((e) => e.title.ja)).toContain('子育て支援説明会');
    const ics = await (await fetch(`${server.url}/api/events/${event.id}/calendar.ics`)).text();
    const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(vevent.summary).toContain('子育て支援説明会');
  });

  it('nobody joins before the host starts it', async () => {
    await expect(join('early')).rejects.toThrow(/eventNotLive/);
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(200);
    expect((await post(`/api/events/${event.id}/start`, {}, host)).status).toBe(409);
  });

  it('seats first, then the overflow hall, then full; roles come from the hall pass', async () => {
    const moderator = await join('x', await hallPass(server.url, host));
    expect(me(moderator)).toMatchObject({ role: 'presenter', nickname: '高橋 (Takahashi)', seat: '' });
    const a = await join('あい');
    const b = await join('ぶん');
    const c = await join('ちか');
    const d = await join('だい');
    expect([a, b].map((r) => me(r).seat).every((s) => s !== '')).toBe(true);
    expect(new Set([me(a).seat, me(b).seat]).size).toBe(2);
    expect([c, d].map((r) => me(r).overflow)).toEqual([true, true]);
    await expect(join('えり')).rejects.toThrow(/full/);
    // Creating a second room for the same event (which would split the audience and the Q&A) is refused:
    // clients may not create rooms at all.
    await expect(
      new Client(server.endpoint).create(BRIEFING_ROOM, { eventId: event.id, nickname: 'えり' }),
    ).rejects.toThrow(/invalid method "create"/);
  });

  it('hands and questions: one vote each, ordered by votes and pins; moderation is for moderators', async () => {
    const [moderator, a, b, c] = rooms;
    a!.send('raiseHand', { up: true });
    await waitFor(() => moderator!.state.people.get(a!.sessionId)?.hand, 5000, 'hand up');
    a!.send('ask', { text: '申請はオンラインでできますか？' });
    b!.send('ask', { text: '保育所の空き状況は？' });
    await waitFor(() => moderator!.state.questions.size === 2, 5000, 'two questions');
    const second = [...moderator!.state.questions.values()].find((q) => q.author === 'ぶん')!;
    for (const r of [a!, c!]) r.send('vote', { questionId: second.id });
    await waitFor(() => second.votes === 2, 5000, 'two votes');
    a!.send('vote', { questionId: second.id });
    expect(await refusal(a!, 'vote')).toBe('alreadyVoted');
    a!.send('ask', { text: 'もう一つ質問です' });
    expect(await refusal(a!, 'ask')).toBe('askTooSoon');
    expect(orderQuestions(moderator!.state.questions.values()).map((q) => q.author)).toEqual([
      'ぶん',
      'あい',
    ]);

    const first = [...moderator!.state.questions.values()].find((q) => q.author === 'あい')!;
    a!.send('pin', { questionId: first.id, pinned: true });
    expect(await refusal(a!, 'pin')).toBe('forbidden');
    moderator!.send('pin', { questionId: first.id, pinned: true });
    await waitFor(() => b!.state.questions?.get(String(first.id))?.pinned, 5000, 'pinned for all');
    expect(orderQuestions(b!.state.questions.values()).map((q) => q.author)).toEqual(['あい', 'ぶん']);
    moderator!.send('hide', { questionId: second.id });
    await waitFor(() => c!.state.questions?.size === 1, 5000, 'hidden for all');

    moderator!.send('invite', { sessionId: a!.sessionId });
    await waitFor(() => b!.state.people.get(a!.sessionId)?.speaking, 5000, 'invited to speak');
    expect(b!.state.people.get(a!.sessionId)?.hand).toBe(false);
    b!.send('remove', { sessionId: a!.sessionId });
    expect(await refusal(b!, 'remove')).toBe('forbidden');
  });

  it('a vote counts once per person, also after leaving and coming back', async () => {
    const [moderator, , b] = rooms;
    const q = [...moderator!.state.questions.values()][0]!;
    const before = q.votes;
    b!.send('vote', { questionId: q.id });
    await waitFor(() => q.votes === before + 1, 5000, 'voted');
    await b!.leave();
    rooms.splice(rooms.indexOf(b!), 1, await join('ぶん'));
    const back = rooms[2]!;
    back.send('vote', { questionId: q.id });
    expect(await refusal(back, 'vote')).toBe('alreadyVoted');
  });

  it('a freed seat goes to the overflow hall first; a removed attendee cannot rejoin', async () => {
    const [moderator, , back, c, d] = rooms;
    // The seat ぶん left went to the first in the overflow hall; back again, ぶん waits in the overflow hall.
    // State reaches each client with the next patch, so wait for it rather than read it at once.
    await waitFor(() => !me(c!).overflow && me(c!).seat !== '', 5000, 'seated from the overflow hall');
    expect(me(back!).overflow).toBe(true);
    const freed = me(c!).seat;
    let code = 0;
    c!.onLeave((closeCode) => (code = closeCode));
    moderator!.send('remove', { sessionId: c!.sessionId });
    await waitFor(() => code === 4403, 5000, 'removed');
    await waitFor(() => me(d!).seat === freed && !me(d!).overflow, 5000, 'seated from the overflow hall');
    await expect(join('ちか')).rejects.toThrow(/removed/);
  });

  it('ending the event closes the room', async () => {
    const [moderator] = rooms;
    let closed = false;
    moderator!.onLeave(() => (closed = true));
    expect((await post(`/api/events/${event.id}/end`, {}, host)).status).toBe(200);
    await waitFor(() => closed, 5000, 'room closed at the end');
  });
});
