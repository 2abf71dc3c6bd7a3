import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients, type Briefing } from './briefingClients.ts';
import { orderQuestions } from '../../shared/briefing/questionOrder.ts';
import { BRIEFING_ROOM, QUESTION_VIEW, type EventView } from '../../shared/protocol/index.ts';
import type { BriefingState } from '../../shared/state/briefingState.ts';
import { Client } from '@colyseus/sdk';

/** About what a resident types: 100 characters of Japanese (300 bytes). */
const LONG_QUESTION =
  '避難所にペットを連れて行けるかどうか、その場合に必要な準備や持ち物、ケージの有無について教えてください。'.padEnd(
    100,
    '。',
  );
/** More for a manual measurement (BRIEFING_VIEWS_AUDIENCE=300): what an attendee downloads should not change. */
const AUDIENCE = Number(process.env.BRIEFING_VIEWS_AUDIENCE ?? 60);
const SEATS = 40;
/** An attendee's people: themselves and who is on stage (here only the presenter, or one speaker more). */
const PEOPLE_BOUND = 3;

/** Bytes a client's WebSocket receives (payloads and frame headers, server frames are unmasked). */
function countBytes(room: Briefing): { bytes: number } {
  const counter = { bytes: 0 };
  const events = room.connection.events;
  const deliver = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    const n = e.data instanceof ArrayBuffer ? e.data.byteLength : Buffer.byteLength(String(e.data));
    counter.bytes += n + (n < 126 ? 2 : n < 65_536 ? 4 : 10);
    deliver?.(e);
  };
  return counter;
}

const ids = (r: Briefing) => new Set([...(r.state.questions?.values() ?? [])].map((q) => q.id));

describe('briefing views: attendees receive counts, who is on stage and the top questions', () => {
  let server: TestServer;
  let host: string;
  let event: EventView;
  let presenter: Briefing;
  let moderator: Briefing;
  const audience: Briefing[] = [];
  const clients = briefingClients(() => server);
  const { me, refusal } = clients;
  /** What the first attendee and the presenter downloaded while the rest of the audience came in. */
  let duringJoins = { attendee: 0, presenter: 0 };

  beforeAll(async () => {
    server = await startTestServer({
      LOG_LEVEL: 'error',
      BRIEFING_SEATS: String(SEATS),
      BRIEFING_JOINS_PER_ADDRESS: '100',
      VISITOR_TOKENS_PER_ADDRESS: '1000',
    });
    host = await signIn(server.url, 'demo-host');
    event = await clients.liveEvent(host, { capacity: AUDIENCE + 10 });
    presenter = await clients.join(event.id, 'p', await hallPass(server.url, host));
    const admin = await signIn(server.url, 'demo-admin');
    moderator = await clients.join(event.id, 'm', await hallPass(server.url, admin));
    audience.push(await clients.join(event.id, '人0'));
    const first = countBytes(audience[0]!);
    const presenting = countBytes(presenter);
    for (let i = 1; i < AUDIENCE; i += 10) {
      const batch = Array.from({ length: Math.min(10, AUDIENCE - i) }, (_, k) =>
        clients.join(event.id, `人${i + k}`),
      );
      audience.push(...(await Promise.all(batch)));
    }
    duringJoins = { attendee: first.bytes, presenter: presenting.bytes };
  }, 300_000);
  afterAll(async () => {
    await clients.leaveAll();
    await server?.stop();
  });

  it('the people list an attendee receives is bounded; moderators and presenters receive everyone', async () => {
    const everyone = AUDIENCE + 2;
    await waitFor(() => presenter.state.people.size === everyone, 10_000, 'the presenter sees everyone');
    await waitFor(() => moderator.state.people.size === everyone, 10_000, 'the moderator sees everyone');
    const last = audience.at(-1)!;
    await waitFor(() => last.state.attendees === AUDIENCE, 10_000, 'counts reach attendees');
    expect([last.state.seated, last.state.overflow]).toEqual([SEATS, AUDIENCE - SEATS]);
    console.log(
      `while ${AUDIENCE - 1} more joined: the first attendee downloaded ${duringJoins.attendee} B, ` +
        `the presenter ${duringJoins.presenter} B`,
    );
    // Counts, not a person each: well under the 40-odd bytes a person would cost every attendee.
    expect(duringJoins.attendee).toBeLessThan(duringJoins.presenter / 3);
    for (const a of audience) {
      expect(a.state.people.size).toBeLessThanOrEqual(PEOPLE_BOUND);
      expect(me(a).role).toBe('attendee');
      // The presenter is on stage: everyone receives them (their feed is what the stage subscribes to).
      expect(a.state.people.get(presenter.sessionId)?.role).toBe('presenter');
      // Moderators act from the side: attendees do not receive them.
      expect(a.state.people.has(moderator.sessionId)).toBe(false);
    }
  });

  it('a raised hand is a count for attendees; an invited speaker is seen by all until the turn ends', async () => {
    const [watcher, speaker] = audience as [Briefing, Briefing];
    speaker.send('raiseHand', { up: true });
    await waitFor(() => watcher.state.hands === 1, 5000, 'one hand up, counted');
    expect(watcher.state.people.has(speaker.sessionId)).toBe(false);
    await waitFor(
      () => moderator.state.people.get(speaker.sessionId)?.hand,
      5000,
      'the moderator sees the hand',
    );

    moderator.send('invite', { sessionId: speaker.sessionId });
    const seen = await waitFor(() => watcher.state.people.get(speaker.sessionId), 5000, 'speaker visible');
    expect(seen).toMatchObject({ nickname: '人1', speaking: true });
    expect(watcher.state.speakers).toBe(1);
    expect(watcher.state.hands).toBe(0);
    expect(audience.at(-1)!.state.people.get(speaker.sessionId)?.nickname).toBe('人1');

    moderator.send('stopSpeaking', { sessionId: speaker.sessionId });
    await waitFor(() => !watcher.state.people.has(speaker.sessionId), 5000, 'the speaker hidden again');
    expect(watcher.state.speakers).toBe(0);
    // The speaker still receives themselves, no longer speaking.
    await waitFor(() => me(speaker).speaking === false, 5000, 'their own turn ended');
    expect(speaker.state.people.size).toBeLessThanOrEqual(PEOPLE_BOUND);
  });

  it('attendees receive one page of questions, the newest and their own, and follow the votes', async () => {
    // 40 questions from the last 40 attendees: more than a page, its slack and the newest together.
    const askers = audience.slice(AUDIENCE - 40);
    for (const [i, a] of askers.entries()) {
      a.send('ask', { text: `質問${i + 1}` });
      await waitFor(() => moderator.state.questions?.size === i + 1, 5000, `question ${i + 1}`);
    }
    const all = () => [...moderator.state.questions.values()];
    const byText = (text: string) => all().find((q) => q.text === text)!;
    const expected = () => {
      const ordered = orderQuestions(all());
      return new Set(
        [...ordered.slice(0, QUESTION_VIEW.page), ...all().slice(-QUESTION_VIEW.newest)].map((q) => q.id),
      );
    };
    /** Those that slipped at most `slack` places below the top page may stay (not sent out and in again). */
    const nearTop = () =>
      new Set(
        orderQuestions(all())
          .slice(0, QUESTION_VIEW.page + QUESTION_VIEW.slack)
          .map((q) => q.id),
      );
    const receivesTheTop = (r: Briefing) => {
      const got = ids(r);
      const allowed = new Set([...expected(), ...nearTop()]);
      return [...expected()].every((id) => got.has(id)) && [...got].every((id) => allowed.has(id));
    };
    const watcher = audience[2]!;
    await waitFor(() => watcher.state.questionCount === 40, 5000, 'the count of questions');
    await waitFor(() => receivesTheTop(watcher), 5000, 'the top page and the newest');
    expect(ids(watcher).size).toBeLessThanOrEqual(
      QUESTION_VIEW.page + QUESTION_VIEW.slack + QUESTION_VIEW.newest,
    );

    // The author of question 32 (neither near the top nor among the newest) receives it too.
    const q32 = byText('質問32');
    expect(ids(watcher).has(q32.id)).toBe(false);
    await waitFor(() => ids(askers[31]!).has(q32.id), 5000, 'their own question');

    // Votes lift questions 26–31 above the rest: 30 (the most voted) reaches the watcher; 20 slips six
    // places below the top page, past the slack, and leaves; 19 slipped five and stays.
    const [q19, q20, q30] = [byText('質問19'), byText('質問20'), byText('質問30')];
    expect(ids(watcher).has(q30.id)).toBe(false);
    for (let n = 26; n <= 31; n++) audience[3]!.send('vote', { questionId: byText(`質問${n}`).id });
    for (const v of audience.slice(4, 6)) v.send('vote', { questionId: q30.id });
    await waitFor(() => q30.votes === 3 && byText('質問31').votes === 1, 5000, 'the votes');
    await waitFor(() => ids(watcher).has(q30.id) && !ids(watcher).has(q20.id), 5000, 'reordered view');
    expect(ids(watcher).has(q19.id)).toBe(true);
    expect(receivesTheTop(watcher)).toBe(true);
    expect(watcher.state.questions.get(String(q30.id))?.votes).toBe(3);

    // The next page: exactly places 21–40 in display order, with the newest.
    watcher.send('questionPage', { page: 1 });
    const ordered = orderQuestions(all());
    const second = new Set(
      [
        ...ordered.slice(QUESTION_VIEW.page, 2 * QUESTION_VIEW.page),
        ...all().slice(-QUESTION_VIEW.newest),
      ].map((q) => q.id),
    );
    await waitFor(() => ids(watcher).has(q20.id) && !ids(watcher).has(q30.id), 5000, 'the second page');
    expect(ids(watcher)).toEqual(second);
    watcher.send('questionPage', { page: 0 });
    await waitFor(() => ids(watcher).has(q30.id), 5000, 'back to the top');

    // A hidden question leaves every view.
    moderator.send('hide', { questionId: q30.id });
    await waitFor(() => !ids(watcher).has(q30.id), 5000, 'hidden for attendees');
    await waitFor(() => receivesTheTop(watcher), 5000, 'the page filled up again');
  });

  it('attendees cannot moderate, remove, or ask for views beyond the board', async () => {
    const [a, b] = [audience[10]!, audience[11]!];
    a.send('remove', { sessionId: b.sessionId });
    expect(await refusal(a, 'remove')).toBe('forbidden');
    const someQuestion = [...moderator.state.questions.values()][0]!;
    a.send('removeAuthor', { questionId: someQuestion.id });
    expect(await refusal(a, 'removeAuthor')).toBe('forbidden');
    const questions = moderator.state.questions.size;
    const beyond = Math.ceil(questions / QUESTION_VIEW.page);
    for (const bad of [
      { page: beyond },
      { page: 99 },
      { page: -1 },
      { page: 'x' },
      { page: 1, all: true },
      {},
    ]) {
      a.errors.length = 0;
      a.send('questionPage', bad);
      expect(await refusal(a, 'questionPage')).toBe('invalidMessage');
    }
    a.errors.length = 0;
    a.send('removeAuthor', { questionId: 'all' });
    expect(await refusal(a, 'removeAuthor')).toBe('invalidMessage');
    // Nothing changed: the attendee still receives the bounded view, and both are still here.
    expect(a.state.people.size).toBeLessThanOrEqual(PEOPLE_BOUND);
    expect(ids(a).size).toBeLessThanOrEqual(QUESTION_VIEW.page + QUESTION_VIEW.slack + QUESTION_VIEW.newest);
    expect(moderator.state.people.has(b.sessionId)).toBe(true);
  });

  it('a moderator removes the author of a question, who never raised a hand, for good', async () => {
    const spam = [...moderator.state.questions.values()].find((q) => q.text === '質問5')!;
    const spammer = audience[AUDIENCE - 40 + 4]!;
    let code = 0;
    spammer.onLeave((c) => (code = c));
    moderator.send('removeAuthor', { questionId: spam.id });
    await waitFor(() => code === 4403, 5000, 'the spammer removed');
    await waitFor(() => !moderator.state.people.has(spammer.sessionId), 5000, 'gone from the list');
    // Removing the author of a question asked by staff, or of none, is refused.
    moderator.send('removeAuthor', { questionId: 99_999 });
    expect(await refusal(moderator, 'removeAuthor')).toBe('noSuchQuestion');
  });

  it('a latecomer downloads a bounded state as an attendee, everything as a moderator', async () => {
    const joinCounting = async (nickname: string, questions: number, staffPass?: string) => {
      const visitorToken = staffPass ? undefined : await clients.tokenOf(nickname);
      const room = (await new Client(server.endpoint).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
        eventId: event.id,
        nickname,
        ...(staffPass ? { staffPass } : { visitorToken }),
      })) as Briefing;
      // Hooked as the join resolves: the full state comes one round trip later.
      const counter = countBytes(room);
      room.onMessage('*', () => {});
      await waitFor(() => room.state.people?.get(room.sessionId), 5000, `${nickname} in`);
      await waitFor(() => room.state.questions?.size === questions, 5000, `${nickname}'s questions`);
      await room.leave();
      return counter.bytes;
    };
    const admin = await signIn(server.url, 'demo-admin');
    const board = moderator.state.questions.size;
    const top = Math.min(board, QUESTION_VIEW.page + QUESTION_VIEW.newest);
    const asAttendee = await joinCounting('遅刻', top);
    const asModerator = await joinCounting('司会', board, await hallPass(server.url, admin));
    console.log(
      `full state on joining (${AUDIENCE} attendees, ${moderator.state.questions.size} questions): ` +
        `attendee ${asAttendee} B, moderator ${asModerator} B`,
    );
    expect(asAttendee).toBeLessThan(asModerator / 2);
  });

  it('while questions and votes flow, what an attendee downloads stays small', async () => {
    const passive = audience[7]!;
    const watching = countBytes(passive);
    const moderating = countBytes(moderator);
    const started = Date.now();
    // Ten seconds of a lively Q&A: two new questions of 100 characters a second (from those who have not
    // asked in the last ten seconds), twenty votes a second (each on a question the voter receives: the
    // only ones they can see, and not twice), hands going up and down.
    const open = audience.filter((r) => r !== passive && r.connection.isOpen);
    const fresh = open.slice(0, 19);
    const voted = new Set<string>();
    let votes = 0;
    for (let second = 0; second < 10; second++) {
      for (let k = 0; k < 2; k++) {
        const asker = fresh[second * 2 + k] ?? open[20]!;
        asker.send('ask', { text: `${second}-${k} ${LONG_QUESTION}` });
      }
      for (let k = 0; k < 20; k++) {
        const voter = open[(second * 20 + k) % open.length]!;
        const q = [...ids(voter)].find((id) => !voted.has(`${voter.sessionId}/${id}`));
        if (q === undefined) continue;
        voted.add(`${voter.sessionId}/${q}`);
        voter.send('vote', { questionId: q });
        votes++;
      }
      open[second]!.send('raiseHand', { up: second % 2 === 0 });
      await settle(1000);
    }
    const seconds = (Date.now() - started) / 1000;
    const attendeeRate = watching.bytes / seconds;
    const moderatorRate = moderating.bytes / seconds;
    console.log(
      `briefing download while questions flow (${AUDIENCE} attendees, ${moderator.state.questions.size} questions, ` +
        `${votes} votes in ${seconds.toFixed(1)} s): ` +
        `attendee ${attendeeRate.toFixed(0)} B/s, moderator ${moderatorRate.toFixed(0)} B/s`,
    );
    expect(ids(passive).size).toBeLessThanOrEqual(
      QUESTION_VIEW.page + QUESTION_VIEW.slack + QUESTION_VIEW.newest,
    );
    expect(attendeeRate).toBeLessThan(2048);
  });
});
