/**
 * A process of lightweight briefing viewers for bench:briefing (werift peers, see
 * test/support/stageViewer.ts): each joins like a resident from an address of its own (X-Forwarded-For,
 * the server trusting its proxy), watches the stage through Janus and counts RTP without decoding, and
 * counts the bytes its BriefingRoom WebSocket receives. Some ask and vote when told. Controlled over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { joinStageViewer, type StageCounts, type StageViewer } from '../support/stageViewer.ts';
import { joinBriefingStage, type BriefingRoom } from '../support/stageJoin.ts';
import { newVisitorToken } from '../support/visitorToken.ts';
import { mulberry32 } from './bots.ts';

interface Settings {
  serverUrl: string;
  eventId: number;
  seed: number;
}
const cfg = JSON.parse(process.env.BRIEFING_VIEWERS ?? '{}') as Settings;
const rand = mulberry32(cfg.seed);

interface Member {
  index: number;
  viewer: StageViewer;
  wsBytes: number;
  voted: Set<number>;
  asked: number;
}
const members: Member[] = [];
/** What the audience did with questions, and what the server refused (by code). */
const activity = { asked: 0, votes: 0 };
const refusals = new Map<string, number>();
let marked: { counts: StageCounts[]; ws: number[]; at: number; activity: typeof activity } | null = null;
let questionTimers: ReturnType<typeof setTimeout>[] = [];

const send = (m: object) => process.send?.(m);
/**
 * The SDK's own notices (a connection closed before its join completed, reconnection attempts): counted
 * for the report instead of printed once per attendee.
 */
const notices = new Map<string, number>();
for (const level of ['warn', 'info'] as const) {
  const print = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const text = String(args[0]);
    const kind = /closed unexpectedly \(\d+\)|\[Colyseus reconnection\]: \S+ [^0-9]{0,30}/.exec(text)?.[0];
    if (kind) notices.set(kind, (notices.get(kind) ?? 0) + 1);
    else print(...args);
  };
}
// This process's own event-loop lag: when it grows, the generator (not Janus or the server) is late.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const lagRead = () => {
  const ms = (ns: number) => ns / 1e6;
  const lag = { p99: ms(loop.percentile(99)), max: ms(loop.max) };
  loop.reset();
  return lag;
};

/** A made-up but plausible client address per viewer (10.x.y.z), so per-address caps apply as in life. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 1}`;

async function join(index: number): Promise<void> {
  try {
    const viewer = await joinStageViewer(cfg.serverUrl, cfg.eventId, {
      nickname: `viewer${index}`,
      headers: { 'x-forwarded-for': addressOf(index) },
      timeoutMs: 60_000,
      // Hundreds of viewers on two cores: count SRTP without decrypting it (see srtpCounter.ts).
      decrypt: false,
    });
    const member: Member = { index, viewer, wsBytes: 0, voted: new Set(), asked: 0 };
    const ws = (
      viewer.room.connection.transport as unknown as { ws: { on(e: string, f: (d: Buffer) => void): void } }
    ).ws;
    ws.on('message', (d) => (member.wsBytes += d.byteLength));
    viewer.room.onMessage('error', (e: { code: string }) =>
      refusals.set(e.code, (refusals.get(e.code) ?? 0) + 1),
    );
    members.push(member);
    const me = viewer.room.state.people?.get(viewer.sessionId);
    send({
      type: 'joined',
      index,
      seatedMs: viewer.timings.seatedMs,
      mediaMs: viewer.timings.mediaMs,
      overflow: me?.overflow ?? false,
      janusUrl: viewer.janusUrl,
    });
  } catch (err) {
    send({ type: 'joinFailed', index, error: String(err).split('\n')[0]!.slice(0, 200) });
  }
}

/** Attendees of the storm without media: only the BriefingRoom, to time being seated on its own. */
const early: BriefingRoom[] = [];

async function joinWithoutMedia(index: number): Promise<void> {
  try {
    const headers = { 'x-forwarded-for': addressOf(index) };
    const visitorToken = await newVisitorToken(cfg.serverUrl, headers);
    const started = performance.now();
    let seatedMs = NaN;
    const { room } = await joinBriefingStage(
      cfg.serverUrl,
      cfg.eventId,
      { nickname: `early${index}`, visitorToken },
      60_000,
      headers,
    );
    early.push(room);
    const placed = () => {
      const me = room.state.people?.get(room.sessionId);
      if (me && (me.seat || me.overflow) && Number.isNaN(seatedMs)) seatedMs = performance.now() - started;
    };
    placed();
    if (Number.isNaN(seatedMs))
      await new Promise<void>((resolve) =>
        room.onStateChange(() => {
          placed();
          if (!Number.isNaN(seatedMs)) resolve();
        }),
      );
    send({ type: 'joined', index, seatedMs, mediaMs: NaN, overflow: false, janusUrl: '' });
  } catch (err) {
    send({ type: 'joinFailed', index, error: String(err).split('\n')[0]!.slice(0, 200) });
  }
}

/** Ids of the questions this member's client received (the server may send only the top ones). */
function visibleQuestions(m: Member): number[] {
  const ids: number[] = [];
  const questions = m.viewer.room.state.questions as unknown as {
    forEach(f: (q: { id: number; answered: boolean }) => void): void;
  };
  questions?.forEach((q) => {
    if (!q.answered) ids.push(q.id);
  });
  return ids;
}

const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

function ask(): void {
  // Someone who has asked least (each may have 3 open questions and ask every 10 s at most).
  const m = pick(members.filter((x) => x.asked < 2));
  if (!m) return;
  m.asked++;
  activity.asked++;
  m.viewer.room.send('ask', { text: `質問 ${m.index}-${m.asked}: 申請の締め切りはいつですか` });
}

function vote(): void {
  const m = pick(members);
  if (!m) return;
  const id = pick(visibleQuestions(m).filter((q) => !m.voted.has(q)));
  if (id === undefined) return;
  m.voted.add(id);
  activity.votes++;
  m.viewer.room.send('vote', { questionId: id });
}

process.on('message', (raw) => {
  const m = raw as { type: string; [k: string]: unknown };
  if (m.type === 'join') {
    const at = m.at as number[];
    const indices = m.indices as number[];
    const t0 = Date.now();
    indices.forEach((index, k) =>
      setTimeout(() => void join(index), Math.max(0, at[k]! - (Date.now() - t0))),
    );
  }
  if (m.type === 'joinWithoutMedia') {
    const at = m.at as number[];
    const t0 = Date.now();
    (m.indices as number[]).forEach((index, k) =>
      setTimeout(() => void joinWithoutMedia(index), Math.max(0, at[k]! - (Date.now() - t0))),
    );
  }
  if (m.type === 'leaveWithoutMedia')
    void Promise.all(early.splice(0).map((r) => r.leave().catch(() => {}))).then(() =>
      send({ type: 'left' }),
    );
  if (m.type === 'lag') {
    send({ type: 'lag', lag: lagRead(), notices: Object.fromEntries(notices) });
    notices.clear();
  }
  if (m.type === 'ask') for (let i = 0; i < (m.count as number); i++) ask();
  if (m.type === 'questions') {
    for (const t of questionTimers) clearInterval(t);
    questionTimers = [];
    // Each process starts at its own offset, so together they ask and vote at an even pace.
    const every = (ms: unknown, act: () => void) => {
      if (!ms) return;
      const first = setTimeout(
        () => {
          act();
          questionTimers.push(setInterval(act, ms as number));
        },
        (ms as number) * (m.phase as number),
      );
      questionTimers.push(first);
    };
    every(m.askEveryMs, ask);
    every(m.voteEveryMs, vote);
  }
  if (m.type === 'mark') {
    marked = {
      counts: members.map((x) => x.viewer.stats()),
      ws: members.map((x) => x.wsBytes),
      at: Date.now(),
      activity: { ...activity },
    };
    refusals.clear();
    loop.reset();
    send({ type: 'marked', viewers: members.length });
  }
  if (m.type === 'report' && marked) {
    const seconds = (Date.now() - marked.at) / 1000;
    const from = marked;
    const viewers = members.slice(0, from.counts.length).map((x, i) => {
      const now = x.viewer.stats();
      const then = from.counts[i]!;
      return {
        audioPackets: now.audioPackets - then.audioPackets,
        videoPackets: now.videoPackets - then.videoPackets,
        audioBytes: now.audioBytes - then.audioBytes,
        videoBytes: now.videoBytes - then.videoBytes,
        videoFrames: now.videoFrames - then.videoFrames,
        wsBytes: x.wsBytes - from.ws[i]!,
        janusUrl: x.viewer.janusUrl,
      };
    });
    const board = members[0]?.viewer.room.state as unknown as { questionCount?: number } | undefined;
    send({
      type: 'report',
      seconds,
      viewers,
      asked: activity.asked - from.activity.asked,
      votes: activity.votes - from.activity.votes,
      refusals: Object.fromEntries(refusals),
      board: board?.questionCount ?? NaN,
      received: members[0] ? visibleQuestions(members[0]).length : 0,
      lag: lagRead(),
    });
  }
  if (m.type === 'stop') {
    for (const t of questionTimers) clearInterval(t);
    void Promise.race([
      Promise.all(members.map((x) => x.viewer.close())),
      new Promise((r) => setTimeout(r, 5000)),
    ]).then(() => process.exit(0));
  }
});
send({ type: 'ready' });
