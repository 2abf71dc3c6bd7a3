/**
 * A fuzzing attack on every room: 100,000 random and mutated messages (known and unknown types,
 * payloads of the wrong shape, huge and odd values, garbage frames) sent to the hall, a consultation
 * and a briefing, while an honest pair of residents keeps moving in the hall. Prints crashes (goal 0),
 * server faults (a handler that failed instead of refusing), refusals by code, connections the server
 * closed, and the honest bystander's move → seen latency during the attack.
 * Prints numbers; asserts nothing. Usage: npm run bench:fuzz [-- 100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';
import {
  BRIEFING_ROOM,
  ClientMessage,
  ConsultationProtocol,
  BriefingProtocol,
  HallProtocol,
} from '../../shared/protocol/index.ts';
import { POSITION_LIMIT_M } from '../../shared/constants.ts';
import {
  enterConsultation,
  hallPass,
  joinHall,
  signIn,
  type Participant,
} from '../integration/staffQueue.ts';
import { ask, pct, sleep, spawnBenchServer } from './benchProcesses.ts';
import { numberOf, probe, standBeside } from './probes.ts';
import { newVisitorToken } from '../support/visitorToken.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const BATCH = 50;

// A seeded generator, so a run that finds something can be repeated.
let seed = Number(process.env.FUZZ_SEED ?? 20261202);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const FIELDS = [
  'x',
  'z',
  'ry',
  'counterId',
  'procedureId',
  'ticketId',
  'toCounterId',
  'note',
  'status',
  'seatId',
  'code',
  'text',
  'to',
  'link',
  'peer',
  'description',
  'candidate',
  'audio',
  'video',
  'screen',
  'rating',
  'comment',
  'up',
  'questionId',
  'pinned',
  'sessionId',
  'index',
  'feed',
  'type',
  'sdp',
  '__proto__',
];
const ODD_STRINGS = [
  '',
  'shimin',
  'tennyu-todoke',
  '<script>alert(1)</script>',
  '\u0000\u0007\u202E',
  // Big, but under the frame limit: what the schemas must refuse (a bigger frame only closes the socket).
  'x'.repeat(20_000),
  '\uD800',
  '=HYPERLINK("x")',
  '../../etc/passwd',
  '🙂'.repeat(500),
  'offer',
  'answer',
  'closed',
];
const ODD_NUMBERS = [0, -1, 1, 2 ** 53, -(2 ** 31), 1e308, Number.NaN, Infinity, -Infinity, 0.5, 42];

function value(depth = 0): unknown {
  const r = random();
  if (r < 0.25) return pick(ODD_NUMBERS);
  if (r < 0.5) return pick(ODD_STRINGS);
  if (r < 0.6) return random() < 0.5;
  if (r < 0.7) return null;
  if (depth < 3 && r < 0.85) return payload(depth + 1);
  if (depth < 3) return Array.from({ length: Math.floor(random() * 5) }, () => value(depth + 1));
  return undefined;
}

function payload(depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) out[pick(FIELDS)] = value(depth);
  return out;
}

/** A message for a room: mostly its own types with mutated payloads, some unknown types. */
function message(types: readonly string[]): { type: string | number; body: unknown } {
  const r = random();
  const type =
    r < 0.85 ? pick(types) : r < 0.95 ? pick(['*', '', 'constructor', 'toString', 'x'.repeat(300)]) : 7;
  return { type, body: random() < 0.1 ? value() : payload() };
}

type AnyRoom = Room<unknown, unknown>;
interface Target {
  name: string;
  types: readonly string[];
  room: () => AnyRoom | null;
  /** Joins again after the server closed it (hall fuzzers only; the others end their share). */
  rejoin?: () => Promise<void>;
}

const counts = { sent: 0, closed: 0, garbage: 0 };
const refusals = new Map<string, number>();
let faults = 0;
const closeCodes = new Map<number, number>();
function listen(room: AnyRoom): void {
  room.reconnection.maxRetries = 0;
  room.onLeave((code) => closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1));
  room.onMessage('*', () => {});
  room.onMessage('error', (m: { code?: string; detail?: string }) => {
    const code = String(m?.code);
    refusals.set(code, (refusals.get(code) ?? 0) + 1);
    if (m?.detail === 'the server could not do that') faults++;
  });
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-fuzz-'));
  const server = await spawnBenchServer({
    DATABASE_FILE: join(dir, 'fuzz.sqlite'),
    OPENING_HOURS: 'always',
    // The flood caps would close the fuzzers after 40–60 messages a second: let everything reach
    // the handlers, which is what is being tested. Per-type budgets still apply.
    MAX_MESSAGES_PER_SECOND: '100000',
    ROOM_MAX_MESSAGES_PER_SECOND: '100000',
    JOINS_PER_ADDRESS: '200',
    TICKETS_PER_ADDRESS: '10000',
  });
  return { ...server, dir };
}

const server = await startServer();
let finished = false;
const exited = new Promise<number | null>((r) =>
  server.child.once('exit', (code, signal) => {
    // Dying before the end is the crash this benchmark looks for: show why.
    if (!finished) console.error(`the server exited (${code ?? signal}):\n${server.output().slice(-30000)}`);
    r(code);
  }),
);
try {
  // The honest pair, side by side in the hall.
  const observer = await probe(server.url, 'observer');
  const mover = await probe(server.url, 'mover');
  if (!(await standBeside(mover, observer))) throw new Error('the honest pair could not stand together');

  // A consultation (resident and staff in their private room) and a live briefing with an attendee.
  const staffCookie = await signIn(server.url, 'demo-staff');
  const staff = await joinHall(server.url, {
    nickname: 's',
    staffPass: await hallPass(server.url, staffCookie),
  });
  const resident = await joinHall(server.url, { nickname: 'r' });
  staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
  await sleep(300);
  resident.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
  await sleep(300);
  staff.room.send(ClientMessage.callNext, {});
  await sleep(300);
  resident.room.send(ClientMessage.answerCall, {});
  const [residentSide, staffSide] = await Promise.all([
    enterConsultation(resident),
    enterConsultation(staff),
  ]);
  const host = await signIn(server.url, 'demo-host');
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: host },
      body: JSON.stringify(body),
    });
  const event = (await (
    await post('/api/events', {
      title: { ja: '説明会', en: 'Briefing' },
      description: { ja: '説明', en: 'About' },
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      capacity: 50,
      presenters: ['demo-host'],
    })
  ).json()) as { id: number };
  await post(`/api/events/${event.id}/start`, {});
  const attendee = await new Client(server.url).joinOrCreate(BRIEFING_ROOM, {
    eventId: event.id,
    nickname: 'a',
    visitorToken: await newVisitorToken(server.url),
  });

  // Fuzzing residents in the hall (fresh identities), and the people of the consultation and briefing.
  const hallFuzzers: Participant[] = [];
  for (let i = 0; i < 4; i++) hallFuzzers.push(await joinHall(server.url, { nickname: `fuzz${i}` }));
  const hallTypes = Object.keys(HallProtocol.client);
  const targets: Target[] = [
    ...hallFuzzers.map((_f, i) => ({
      name: `hall${i}`,
      types: hallTypes,
      room: () => hallFuzzers[i]!.room as unknown as AnyRoom,
      rejoin: async () => {
        hallFuzzers[i] = await joinHall(server.url, { nickname: `fuzz${i}` });
        listen(hallFuzzers[i]!.room as unknown as AnyRoom);
      },
    })),
    {
      name: 'consultation (resident)',
      types: Object.keys(ConsultationProtocol.client),
      room: () => residentSide as AnyRoom,
    },
    {
      name: 'consultation (staff)',
      types: Object.keys(ConsultationProtocol.client),
      room: () => staffSide as AnyRoom,
    },
    { name: 'briefing', types: Object.keys(BriefingProtocol.client), room: () => attendee as AnyRoom },
  ];
  for (const t of targets) listen(t.room()!);

  // The attack, with the bystander measuring all along.
  const latencies: number[] = [];
  const n = numberOf(mover);
  let pending: { x: number; at: number } | null = null;
  observer.onPose = (which, x) => {
    if (which !== n || !pending || Math.abs(x - pending.x) > (2 * POSITION_LIMIT_M) / 65535) return;
    latencies.push(performance.now() - pending.at);
    pending = null;
  };
  const base = { ...mover.at };
  let moving = true;
  const bystander = (async () => {
    for (let step = 0; moving; step++) {
      const x = base.x + (step % 2 ? 0.3 : 0);
      pending = { x, at: performance.now() };
      mover.room.send('move', { x, z: base.z, ry: 0 });
      await sleep(250);
    }
  })();
  server.child.send('lag:reset');
  const t0 = performance.now();
  const alive = new Set(targets);
  while (counts.sent < TOTAL && alive.size > 0) {
    for (const t of [...alive]) {
      const room = t.room();
      if (!room?.connection.isOpen) {
        counts.closed++;
        if (t.rejoin) await t.rejoin().catch(() => alive.delete(t));
        else alive.delete(t);
        continue;
      }
      for (let i = 0; i < BATCH && counts.sent < TOTAL; i++, counts.sent++) {
        // Garbage frames close the connection: sent on the hall (whose fuzzers join again) only.
        if (t.rejoin && random() < 0.002) {
          // A frame that is not a Colyseus message at all.
          const bytes = new Uint8Array(1 + Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
          (room.connection.transport as unknown as { ws: WebSocket }).ws.send(bytes);
          counts.garbage++;
          continue;
        }
        const m = message(t.types);
        try {
          room.send(m.type as string, m.body);
        } catch {
          // The client library itself refused to encode it: it never reached the server.
        }
      }
    }
    await sleep(5);
  }
  const seconds = (performance.now() - t0) / 1000;
  await sleep(2000);
  moving = false;
  await bystander;
  if (!server.child.connected) throw new Error('the server is gone');
  const lag = await ask(server.child, 'lag:read', (m) => (m as { lag?: { p99: number; max: number } }).lag);
  const health = await fetch(`${server.url}/api/health`).then(
    async (r) => (r.ok ? ((await r.json()) as { hallRooms?: number }) : null),
    () => null,
  );
  const healthy = health !== null;
  const crashed = server.child.exitCode !== null || !healthy;
  console.log(
    `bench:fuzz — ${counts.sent} messages (${counts.garbage} garbage frames) in ${seconds.toFixed(1)} s to ` +
      `${targets.length} clients in the hall, a consultation and a briefing (seed ${process.env.FUZZ_SEED ?? 20261202})`,
  );
  console.log(`crashes: ${crashed ? 1 : 0} | server faults (handler failed instead of refusing): ${faults}`);
  console.log(
    `refusals by code: ${[...refusals]
      .sort((a, b) => b[1] - a[1])
      .map(([c, k]) => `${c} ${k}`)
      .join(', ')}`,
  );
  console.log(
    `connections the server closed: ${counts.closed} (close codes: ${[...closeCodes].map(([c, k]) => `${c} ×${k}`).join(', ')}) | hall rooms after: ${health?.hallRooms ?? '?'}`,
  );
  console.log(
    `honest bystander move → seen during the attack: p50 ${pct(latencies, 50).toFixed(0)} ms, ` +
      `p95 ${pct(latencies, 95).toFixed(0)} ms (${latencies.length} samples) | server lag p99 ${lag.p99.toFixed(0)} ms (max ${lag.max.toFixed(0)})`,
  );
  const errors = server
    .output()
    .split('\n')
    .filter((l) => l.includes('"level":50'));
  if (errors.length)
    console.log(`server error log lines: ${errors.length}; first: ${errors[0]!.slice(0, 300)}`);
  finished = true;
} catch (err) {
  console.error('bench:fuzz stopped:', err);
  console.error(server.output().slice(-3000));
} finally {
  if (server.child.connected) server.child.send('exit');
  await Promise.race([exited, sleep(3000)]);
  server.child.kill('SIGKILL');
  rmSync(server.dir, { recursive: true, force: true });
}
process.exit(0);
