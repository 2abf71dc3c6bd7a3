/**
 * A briefing for hundreds, end to end on this machine: a presenter in Chromium (fake camera, so the
 * simulcast is Chromium's own), two Chromium attendees that decode the picture, and 50 to 500 lightweight
 * attendees (werift peers in a few processes, briefingViewerWorker.ts) that join through the BriefingRoom
 * and Janus like residents and count RTP without decoding or decrypting it (srtpCounter.ts). Each case
 * starts from nothing; the attendees arrive as a join storm, at the rate of 500 in 60 s, first to the
 * BriefingRoom alone (then they leave), then with media. Prints per case: both storms (time until seated or
 * in the overflow hall), the share of attendees receiving ≥ 90 % of the presenter's packets, bitrate per
 * attendee, Janus CPU and memory, BriefingRoom download per attendee while questions flow, the server's
 * event-loop lag, and who used the CPU (the load generator included). Prints numbers; asserts nothing.
 * Usage: npm run bench:briefing [-- 50 100 300 500x2] (NxK: N attendees over K Janus instances).
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { launchBrowser } from '../support/browser.ts';
import { HallPage } from '../e2e/pages/HallPage.ts';
import { signIn } from '../integration/staffQueue.ts';
import type { EventView } from '../../shared/protocol/index.ts';
import { ask, cpuSeconds, pct, sleep, spawnBenchServer, type BenchServer } from './benchProcesses.ts';

const CASES = (process.argv.slice(2).length ? process.argv.slice(2) : ['50', '100', '300', '500x2']).map(
  (c) => {
    const [n, k] = c.split('x').map(Number);
    return { viewers: n!, janus: k ?? 1 };
  },
);
/** Janus event loops (0: its default, a thread per handle); BENCH_JANUS_LOOPS compares the two. */
const JANUS_LOOPS = Number(process.env.BENCH_JANUS_LOOPS ?? 2);
/** Arrivals per second in every case: 500 in 60 s. */
const ARRIVALS_PER_S = 500 / 60;
const MEASURE_S = 15;
const VIEWERS_PER_WORKER = 100;
const TITLE = 'ベンチマーク';
/** A question every 5 s and two votes a second from the whole audience. */
const ASK_EVERY_MS = 5000;
const VOTE_EVERY_MS = 500;

interface Joined {
  index: number;
  seatedMs: number;
  mediaMs: number;
  overflow: boolean;
  janusUrl: string;
}
interface ViewerReport {
  audioPackets: number;
  videoPackets: number;
  audioBytes: number;
  videoBytes: number;
  videoFrames: number;
  wsBytes: number;
  janusUrl: string;
}

interface WorkerReport {
  seconds: number;
  viewers: ViewerReport[];
  asked: number;
  votes: number;
  refusals: Record<string, number>;
  /** Questions on the board, and how many of them one attendee received. */
  board: number;
  received: number;
  /** The viewer process's own event-loop lag in the window (ms). */
  lag: { p99: number; max: number };
}

const memoryMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** Busy and total CPU time of the machine (all cores), in ticks, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - f[3]! - f[4]!, total };
}

/** CPU seconds of every process on the machine, by pid, with its name. */
function allProcesses(): Map<number, { comm: string; cpu: number }> {
  const out = new Map<number, { comm: string; cpu: number }>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      out.set(Number(pid), {
        comm: readFileSync(`/proc/${pid}/comm`, 'utf8').trim(),
        cpu: cpuSeconds(Number(pid)),
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The busiest processes between two snapshots, leaving out `known` ones, as "name 12 %". */
function busiestOthers(
  before: Map<number, { comm: string; cpu: number }>,
  known: Set<number>,
  seconds: number,
): string {
  const byName = new Map<string, number>();
  for (const [pid, now] of allProcesses()) {
    if (known.has(pid) || isChromium(now.comm)) continue;
    const used = now.cpu - (before.get(pid)?.cpu ?? 0);
    if (used > 0) byName.set(now.comm, (byName.get(now.comm) ?? 0) + used);
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, used]) => `${name} ${((used / seconds) * 100).toFixed(0)} %`)
    .join(', ');
}

/** Share of the machine's time spent in interrupts (softirq: loopback UDP), from /proc/stat. */
function softirqTicks(): number {
  return Number(readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/)[7]);
}

const isChromium = (comm: string) => /^(chromium|chrome)/.test(comm);

/**
 * CPU seconds Chromium's processes used since `before` (an allProcesses() snapshot): those started since
 * count from zero; those that ended meanwhile are not counted (their time is gone with them).
 */
function chromiumSince(before: Map<number, { comm: string; cpu: number }>): number {
  let sum = 0;
  for (const [pid, now] of allProcesses())
    if (isChromium(now.comm)) sum += Math.max(0, now.cpu - (before.get(pid)?.cpu ?? 0));
  return sum;
}

/** Records every RTCPeerConnection a page makes, so the benchmark can read the presenter's sender stats. */
const capturePeerConnections = () => {
  const Original = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { __benchPcs: RTCPeerConnection[] }).__benchPcs = made;
  window.RTCPeerConnection = class extends Original {
    constructor(config?: RTCConfiguration) {
      super(config);
      made.push(this);
    }
  };
};

interface SentStats {
  /** When Chromium took these statistics (ms): rates come from its own clock, whenever the page answers. */
  at: number;
  audio: number;
  layers: { rid: string; packets: number; bytes: number; frames: number; width: number }[];
}
const presenterSent = (page: Page): Promise<SentStats> =>
  page.evaluate(async () => {
    const out: SentStats = { at: 0, audio: 0, layers: [] };
    for (const pc of (window as unknown as { __benchPcs: RTCPeerConnection[] }).__benchPcs) {
      if (pc.connectionState !== 'connected') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type !== 'outbound-rtp') return;
        out.at = Math.max(out.at, Number(s.timestamp));
        if (s.kind === 'audio') out.audio += Number(s.packetsSent ?? 0);
        else
          out.layers.push({
            rid: String(s.rid ?? '-'),
            packets: Number(s.packetsSent ?? 0),
            bytes: Number(s.bytesSent ?? 0),
            frames: Number(s.framesSent ?? 0),
            width: Number(s.frameWidth ?? 0),
          });
      });
    }
    return out;
  });

/** The presenter's peer connections (their states) and the errors its page logged, for the printout. */
const presenterHealth = async (host: HallPage) => {
  const states = await host.page
    .evaluate(() =>
      (window as unknown as { __benchPcs: RTCPeerConnection[] }).__benchPcs.map((pc) => pc.connectionState),
    )
    .catch((e: unknown) => [`page unreachable: ${String(e).split('\n')[0]}`]);
  return { states, errors: host.errors.slice(-3) };
};

function startWorker(serverUrl: string, eventId: number, seed: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/briefingViewerWorker.ts'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BRIEFING_VIEWERS: JSON.stringify({ serverUrl, eventId, seed }) },
  });
  const ready = ask(child, null, (m) => ((m as { type?: string }).type === 'ready' ? true : undefined));
  return { child, ready };
}

async function presenterOnStage(browser: Browser, url: string): Promise<HallPage> {
  const host = await HallPage.open(browser, url, 'ja', '/staff?no3d');
  await host.context.addInitScript(capturePeerConnections);
  await host.page.reload();
  await host.page.getByLabel(host.t('staff.username')).fill('demo-host');
  await host.page.getByLabel(host.t('staff.password')).fill('demo-password');
  await host.page.getByRole('button', { name: host.t('staff.signIn') }).click();
  await host.waitForReady();
  await host.page.getByRole('button', { name: host.t('events.join', { title: TITLE }) }).click();
  await host.page.getByRole('button', { name: host.t('briefing.goOnStage') }).click();
  await host.page.waitForFunction(
    () =>
      (window as unknown as { __benchPcs: RTCPeerConnection[] }).__benchPcs.some(
        (pc) => pc.connectionState === 'connected',
      ),
    undefined,
    { timeout: 60_000 },
  );
  return host;
}

async function chromiumViewer(browser: Browser, url: string, name: string): Promise<HallPage> {
  const p = await HallPage.open(browser, url, 'ja', '/?no3d');
  await p.enter(name, '青');
  await p.page.getByRole('button', { name: p.t('events.join', { title: TITLE }) }).click();
  await p.page.waitForFunction(() => window.__cityHall!.stageFrames > 0, undefined, { timeout: 60_000 });
  return p;
}

interface StormResult {
  joined: Joined[];
  failed: { index: number; error: string }[];
  seconds: number;
  /** Share of the machine's CPU (both cores) busy, and of one core the viewer processes used. */
  busy: number;
  generator: number;
  lag: { p99: number; max: number }[];
  notices: Record<string, number>;
  /** Shares of one core: the server, Janus (all), Chromium; and the server's event-loop lag. */
  server: number;
  janus: number;
  chromium: number;
  serverLag: { p99: number; max: number };
}

/** Sends every attendee in at its own moment, spread evenly over `stormMs`, across the workers. */
async function storm(
  workers: ReturnType<typeof startWorker>[],
  type: 'join' | 'joinWithoutMedia',
  viewers: number,
  stormMs: number,
  server: BenchServer,
  janusPids: number[],
): Promise<StormResult> {
  const joined: Joined[] = [];
  const failed: { index: number; error: string }[] = [];
  const listen = (m: { type: string } & Joined & { error: string }) => {
    if (m.type === 'joined') joined.push(m);
    if (m.type === 'joinFailed') failed.push(m);
  };
  for (const w of workers) w.child.on('message', listen);
  await Promise.all(workers.map((w) => ask(w.child, { type: 'lag' }, (m) => (m as { lag?: unknown }).lag)));
  const c0 = {
    machine: machineTicks(),
    workers: workers.map((w) => cpuSeconds(w.child.pid!)),
    server: cpuSeconds(server.child.pid!),
    janus: janusPids.reduce((a, pid) => a + cpuSeconds(pid), 0),
    processes: allProcesses(),
  };
  server.child.send('lag:reset');
  const started = Date.now();
  workers.forEach((w, k) => {
    const indices = Array.from({ length: viewers }, (_, i) => i).filter((i) => i % workers.length === k);
    w.child.send({ type, indices, at: indices.map((i) => (i * stormMs) / viewers) });
  });
  while (joined.length + failed.length < viewers && Date.now() - started < stormMs + 90_000) await sleep(250);
  const seconds = (Date.now() - started) / 1000;
  for (const w of workers) w.child.off('message', listen);
  const after = await Promise.all(
    workers.map((w) =>
      ask(w.child, { type: 'lag' }, (m) =>
        (m as { lag?: unknown }).lag
          ? (m as { lag: { p99: number; max: number }; notices: Record<string, number> })
          : undefined,
      ),
    ),
  );
  const machine = machineTicks();
  const serverLag = await ask(
    server.child,
    'lag:read',
    (m) => (m as { lag?: { p99: number; max: number } }).lag,
  );
  const notices: Record<string, number> = {};
  for (const a of after) for (const [k, n] of Object.entries(a.notices)) notices[k] = (notices[k] ?? 0) + n;
  return {
    joined,
    failed,
    seconds,
    busy: (machine.busy - c0.machine.busy) / (machine.total - c0.machine.total),
    generator: workers.reduce((a, w, i) => a + cpuSeconds(w.child.pid!) - c0.workers[i]!, 0) / seconds,
    lag: after.map((a) => a.lag),
    notices,
    server: (cpuSeconds(server.child.pid!) - c0.server) / seconds,
    janus: (janusPids.reduce((a, pid) => a + cpuSeconds(pid), 0) - c0.janus) / seconds,
    chromium: chromiumSince(c0.processes) / seconds,
    serverLag,
  };
}

async function run(browser: Browser, viewers: number, instances: number): Promise<void> {
  const label = `${viewers} viewers on ${instances} Janus`;
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-briefing-bench-'));
  const secrets = {
    apiSecret: randomBytes(18).toString('base64url'),
    adminSecret: randomBytes(18).toString('base64url'),
  };
  const janus: RunningJanus[] = [];
  for (let i = 0; i < instances; i++) janus.push(await startJanus(secrets, JANUS_LOOPS));
  const janusEnv: Record<string, string> =
    instances === 1
      ? janus[0]!.env
      : {
          JANUS_URLS: janus.map((j) => j.url).join(','),
          JANUS_ADMIN_URLS: janus.map((j) => j.env.JANUS_ADMIN_URL).join(','),
          JANUS_API_SECRET: secrets.apiSecret,
          JANUS_ADMIN_SECRET: secrets.adminSecret,
          // An even share per instance (the two Chromium attendees and the presenter included).
          JANUS_VIEWERS_PER_INSTANCE: String(Math.ceil((viewers + 3) / instances)),
        };
  const server = await spawnBenchServer({
    DATABASE_FILE: join(dir, 'bench.sqlite'),
    CLIENT_DIR: 'dist/e2e-client',
    // Attendees come from addresses of their own (X-Forwarded-For), as through the city's proxy.
    TRUST_PROXY: 'on',
    ...janusEnv,
  });
  const pages: HallPage[] = [];
  const workers: ReturnType<typeof startWorker>[] = [];
  try {
    const cookie = await signIn(server.url, 'demo-host');
    const post = (path: string, body: unknown = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const event = (await (
      await post('/api/events', {
        title: { ja: TITLE, en: 'Benchmark' },
        description: { ja: '計測', en: 'Measurement' },
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: viewers + 10,
        presenters: ['demo-host'],
      })
    ).json()) as EventView;
    const started = await post(`/api/events/${event.id}/start`);
    if (started.status !== 200)
      throw new Error(`the event did not start: ${started.status} ${await started.text()}`);

    const presenter = await presenterOnStage(browser, server.url);
    // Requests of the presenter's page that failed (the address only: Janus's carry the token in the query).
    const refusedRequests = new Map<string, number>();
    // Its WebSockets (hall, briefing): messages it sent, and how and when each closed.
    const sockets: string[] = [];
    const t0 = Date.now();
    presenter.page.on('websocket', (ws) => {
      let sent = 0;
      ws.on('framesent', () => sent++);
      ws.on('close', () =>
        sockets.push(
          `${new URL(ws.url()).pathname.split('/').slice(0, 3).join('/')} closed at ${((Date.now() - t0) / 1000).toFixed(0)} s after ${sent} messages`,
        ),
      );
    });
    presenter.page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'info')
        sockets.push(`console ${m.type()}: ${m.text().slice(0, 120)}`);
    });
    presenter.page.on('response', (r) => {
      if (r.status() < 400) return;
      const what = `${r.status()} ${r.request().method()} ${r.url().split('?')[0]}`;
      refusedRequests.set(what, (refusedRequests.get(what) ?? 0) + 1);
    });
    pages.push(presenter);
    for (let i = 0; i < 2; i++) pages.push(await chromiumViewer(browser, server.url, `chromium${i}`));

    const janusPids = janus.map((j) => j.pid);
    const count = Math.ceil(viewers / VIEWERS_PER_WORKER);
    for (let w = 0; w < count; w++) workers.push(startWorker(server.url, event.id, 1000 + w));
    await Promise.all(workers.map((w) => w.ready));
    const stormMs = (viewers / ARRIVALS_PER_S) * 1000;
    // First the BriefingRoom alone (no media): how long being seated takes when only the room is busy.
    const roomOnlyAt = (Date.now() - t0) / 1000;
    const roomOnly = await storm(workers, 'joinWithoutMedia', viewers, stormMs, server, janusPids);
    await Promise.all(
      workers.map((w) =>
        ask(w.child, { type: 'leaveWithoutMedia' }, (m) =>
          (m as { type?: string }).type === 'left' ? true : undefined,
        ),
      ),
    );
    await sleep(3000);
    // Then the real join storm: each attendee also connects to Janus and receives the stage.
    const fullAt = (Date.now() - t0) / 1000;
    const full = await storm(workers, 'join', viewers, stormMs, server, janusPids);
    const afterStorm = await presenterHealth(presenter);
    const { joined, failed } = full;

    // Questions flow while the window is measured (a few asked first, so there is something to vote on).
    for (const w of workers) w.child.send({ type: 'ask', count: 2 });
    await sleep(3000);
    workers.forEach((w, k) =>
      w.child.send({
        type: 'questions',
        askEveryMs: ASK_EVERY_MS * workers.length,
        voteEveryMs: VOTE_EVERY_MS * workers.length,
        phase: k / workers.length,
      }),
    );
    await sleep(2000);

    // The measured window.
    const viewerPages = pages.slice(1);
    const frames = () =>
      Promise.all(viewerPages.map((v) => v.page.evaluate(() => window.__cityHall!.stageFrames)));
    await Promise.all(
      workers.map((w) =>
        ask(w.child, { type: 'mark' }, (m) =>
          (m as { type?: string }).type === 'marked' ? true : undefined,
        ),
      ),
    );
    const sent0 = await presenterSent(presenter.page);
    const f0 = await frames();
    const cpu0 = {
      janus: janus.map((j) => cpuSeconds(j.pid)),
      server: cpuSeconds(server.child.pid!),
      workers: workers.map((w) => cpuSeconds(w.child.pid!)),
      main: process.cpuUsage(),
      machine: machineTicks(),
      softirq: softirqTicks(),
      processes: allProcesses(),
      at: Date.now(),
    };
    server.child.send('lag:reset');
    await sleep(MEASURE_S * 1000);
    const reports = await Promise.all(
      workers.map((w) =>
        ask(w.child, { type: 'report' }, (m) =>
          (m as { type?: string }).type === 'report' ? (m as WorkerReport) : undefined,
        ),
      ),
    );
    const sent1 = await presenterSent(presenter.page);
    const f1 = await frames();
    const seconds = (Date.now() - cpu0.at) / 1000;
    const machine = machineTicks();
    const share = (s: number) => `${((s / seconds) * 100).toFixed(0)} %`;
    const janusCpu = janus.map((j, i) => cpuSeconds(j.pid) - cpu0.janus[i]!);
    const serverCpu = cpuSeconds(server.child.pid!) - cpu0.server;
    const workerCpu = workers.map((w, i) => cpuSeconds(w.child.pid!) - cpu0.workers[i]!);
    const main = process.cpuUsage(cpu0.main);
    const mainCpu = (main.user + main.system) / 1e6;
    const chromiumCpu = chromiumSince(cpu0.processes);
    const busy = (machine.busy - cpu0.machine.busy) / (machine.total - cpu0.machine.total);
    const softirq = (softirqTicks() - cpu0.softirq) / (machine.total - cpu0.machine.total);
    const known = new Set([
      ...janus.map((j) => j.pid),
      server.child.pid!,
      ...workers.map((w) => w.child.pid!),
      process.pid,
    ]);
    const othersTop = busiestOthers(cpu0.processes, known, seconds);
    const lag = await ask(
      server.child,
      'lag:read',
      (m) => (m as { lag?: { p50: number; p99: number; max: number } }).lag,
    );
    for (const w of workers) w.child.send({ type: 'questions' });

    // What the presenter sent in the window: audio packets, and frames of the video layer Janus forwards
    // by default (below). Frames, not packets, for video: Chromium's packet counts
    // include padding for bandwidth probing, which Janus does not forward.
    // Rates, each over its own clock: a starved page may answer seconds after the viewers reported.
    const sentSeconds = (sent1.at - sent0.at) / 1000;
    const audioSent = sent1.audio - sent0.audio;
    const layers = sent1.layers.map((l) => {
      const before = sent0.layers.find((b) => b.rid === l.rid);
      return {
        ...l,
        packets: l.packets - (before?.packets ?? 0),
        bytes: l.bytes - (before?.bytes ?? 0),
        frames: l.frames - (before?.frames ?? 0),
        // A layer paused by the end of the window reports no size any more.
        width: Math.max(l.width, before?.width ?? 0),
      };
    });
    // The layer Janus forwards by default is the highest one being sent; one Chromium has all but paused
    // (a few frames) is not it: the highest of those sending (nearly) as many frames as the busiest.
    const most = Math.max(0, ...layers.map((l) => l.frames));
    const top = layers
      .filter((l) => l.frames > 0 && l.frames >= 0.8 * most)
      .sort((a, b) => b.width - a.width)[0];
    const framesSent = top?.frames ?? 0;
    const all = reports.flatMap((r) => r.viewers.map((v) => ({ ...v, seconds: r.seconds })));
    type Received = (typeof all)[number];
    const audioFine = (v: Received) => v.audioPackets / v.seconds >= (0.9 * audioSent) / sentSeconds;
    const videoFine = (v: Received) =>
      framesSent > 0 && v.videoFrames / v.seconds >= (0.9 * framesSent) / sentSeconds;
    const audioOk = all.filter(audioFine).length;
    const videoOk = all.filter(videoFine).length;
    const bothOk = all.filter((v) => audioFine(v) && videoFine(v)).length;
    const sum = (f: (r: WorkerReport) => number) => reports.reduce((a, r) => a + f(r), 0);
    const refused: Record<string, number> = {};
    for (const r of reports)
      for (const [code, n] of Object.entries(r.refusals)) refused[code] = (refused[code] ?? 0) + n;
    const fps = all.map((v) => v.videoFrames / v.seconds);
    const audioRates = all.map((v) => v.audioPackets / v.seconds);
    const kbps = all.map((v) => ((v.audioBytes + v.videoBytes) * 8) / v.seconds / 1000);
    const download = all.map((v) => v.wsBytes / v.seconds / 1000);
    const perJanus = janus.map((j) => joined.filter((v) => v.janusUrl === j.url).length);
    const pc = (x: number, n: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)} %`;
    const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
    const generator = workerCpu.reduce((a, b) => a + b, 0) + mainCpu;
    const janusAll = janusCpu.reduce((a, b) => a + b, 0);
    const others = Math.max(0, busy * 2 * seconds - generator - chromiumCpu - janusAll - serverCpu);
    const stormLine = (name: string, r: StormResult, media: boolean) => {
      const seated = r.joined.map((v) => v.seatedMs).filter((x) => Number.isFinite(x));
      const up = r.joined.map((v) => v.mediaMs);
      const errors = [...new Set(r.failed.map((f) => f.error))].slice(0, 3);
      const notices = Object.entries(r.notices).map(([k, n]) => `${n}× ${k.trim()}`);
      return (
        `  ${name}: ${r.joined.length}/${viewers} in (${(stormMs / 1000).toFixed(0)} s of arrivals, done in ` +
        `${r.seconds.toFixed(0)} s); seated p50 ${ms(pct(seated, 50))}, p95 ${ms(pct(seated, 95))}, ` +
        `max ${ms(seated.length ? Math.max(...seated) : NaN)}` +
        (media ? `; media up p50 ${ms(pct(up, 50))}, p95 ${ms(pct(up, 95))}` : '') +
        `\n    CPU: machine ${(r.busy * 200).toFixed(0)} % of 200 %, server ${(r.server * 100).toFixed(0)} % ` +
        `(event-loop lag p99 ${r.serverLag.p99.toFixed(0)} ms, max ${r.serverLag.max.toFixed(0)}), Janus ` +
        `${(r.janus * 100).toFixed(0)} %, Chromium ${(r.chromium * 100).toFixed(0)} %, viewer processes ` +
        `${(r.generator * 100).toFixed(0)} % (event-loop lag p99 ${r.lag.map((l) => l.p99.toFixed(0)).join(', ')} ms)` +
        (r.failed.length ? `\n    ${r.failed.length} failed: ${errors.join(' | ')}` : '') +
        (notices.length ? `\n    SDK notices: ${notices.join(', ')}` : '')
      );
    };

    const atEnd = await presenterHealth(presenter);
    console.log(`\n${label}`);
    console.log(stormLine('join storm, BriefingRoom only', roomOnly, false));
    console.log(stormLine('join storm with media', full, true));
    console.log(
      `  presenter (storms began ${roomOnlyAt.toFixed(0)} s and ${fullAt.toFixed(0)} s after it went on stage): ` +
        `peer connections after the storm ${afterStorm.states.join(', ')}; after the window ` +
        `${atEnd.states.join(', ')}` +
        (refusedRequests.size
          ? `; its refused requests: ${[...refusedRequests].map(([w, n]) => `${n}× ${w}`).join(', ')}`
          : '') +
        (sockets.length ? `; its WebSockets and notices: ${sockets.slice(0, 6).join(' | ')}` : '') +
        (atEnd.errors.length ? `; its page's last errors: ${atEnd.errors.join(' | ').slice(0, 300)}` : ''),
    );
    console.log(
      `  in: ${joined.length}/${viewers} werift attendees (+ 2 in Chromium), ` +
        `${joined.filter((v) => v.overflow).length} in the overflow hall; per Janus ${perJanus.join(' / ')}`,
    );
    console.log(
      `  stage: ${pc(bothOk, all.length)} of attendees got ≥ 90 % of the presenter's packets ` +
        `(audio ${pc(audioOk, all.length)}; video ${pc(videoOk, all.length)}, counted in frames of layer ` +
        `${top?.rid ?? '-'}); presenter sent ${(audioSent / sentSeconds).toFixed(1)} audio pkt/s, video ` +
        layers
          .map(
            (l) =>
              `${l.rid} ${l.width}px ${(l.frames / sentSeconds).toFixed(1)} fps ` +
              `${((l.bytes * 8) / sentSeconds / 1000).toFixed(0)} kbit/s`,
          )
          .join(', ') +
        `; attendees received ${pct(audioRates, 50).toFixed(1)} audio pkt/s (median, p5 ` +
        `${pct(audioRates, 5).toFixed(1)}) and ${pct(fps, 50).toFixed(1)} fps (p5 ${pct(fps, 5).toFixed(1)})`,
    );
    console.log(
      `  bitrate per attendee: median ${pct(kbps, 50).toFixed(0)} kbit/s, p5 ${pct(kbps, 5).toFixed(0)}, ` +
        `p95 ${pct(kbps, 95).toFixed(0)}; Chromium attendees decoded ` +
        f1.map((f, i) => `${((f - f0[i]!) / seconds).toFixed(1)}`).join(' and ') +
        ' fps',
    );
    console.log(
      `  Janus: CPU ${janusCpu.map(share).join(' + ')} of a core, memory ` +
        `${janus.map((j) => memoryMb(j.pid).toFixed(0)).join(' + ')} MB`,
    );
    console.log(
      `  BriefingRoom download per attendee (questions flowing): median ${pct(download, 50).toFixed(2)} KB/s, ` +
        `p95 ${pct(download, 95).toFixed(2)} KB/s; in the window ${sum((r) => r.asked)} questions asked, ` +
        `${sum((r) => r.votes)} votes` +
        (Object.keys(refused).length ? ` (refused: ${JSON.stringify(refused)})` : '') +
        `; ${reports[0]?.board ?? '?'} questions on the board, ${reports[0]?.received ?? '?'} received by an attendee`,
    );
    console.log(
      `  server: CPU ${share(serverCpu)} of a core, event-loop lag p50 ${lag.p50.toFixed(1)} ms, ` +
        `p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(0)} ms`,
    );
    console.log(
      `  CPU (window): machine ${(busy * 200).toFixed(0)} % of 200 %: Janus ${share(janusAll)}, ` +
        `Chromium (presenter + 2 attendees) ${share(chromiumCpu)}, load generator ${share(generator)} ` +
        `(${workers.length} viewer processes: ${workerCpu.map(share).join(', ')}, event-loop lag p99 ` +
        `${reports.map((r) => r.lag.p99.toFixed(0)).join(', ')} ms, memory ` +
        `${workers.map((w) => memoryMb(w.child.pid!).toFixed(0)).join(' + ')} MB; main ${share(mainCpu)}), ` +
        `server ${share(serverCpu)}, everything else on the machine ${share(others)} (interrupts ` +
        `${(softirq * 200).toFixed(0)} %; ${othersTop || 'no other process'})`,
    );
    const limits: string[] = [];
    if (busy > 0.9) {
      const users = [
        ['Janus', janusAll],
        ['Chromium', chromiumCpu],
        ['the load generator', generator],
        ['the server', serverCpu],
        ['other processes', others],
      ] as const;
      limits.push(
        `the machine's 2 cores were saturated: ` +
          [...users]
            .sort((a, b) => b[1] - a[1])
            .map(([who, c]) => `${who} ${share(c)}`)
            .join(', '),
      );
    }
    if (workerCpu.some((c) => c / seconds > 0.9))
      limits.push('a viewer process used a whole core: the load generator limited the run');
    if (busy <= 0.9 && reports.some((r) => r.lag.p99 > 100))
      limits.push('the viewer processes ran late (event-loop lag p99 > 100 ms) with cores to spare');
    if (janusCpu.some((c) => c / seconds > 0.9)) limits.push('a Janus used a whole core');
    if (failed.length) limits.push(`${failed.length} attendees could not join`);
    console.log(`  limit: ${limits.length ? limits.join('; ') : 'none seen (no process or core saturated)'}`);
  } finally {
    for (const w of workers) w.child.send({ type: 'stop' });
    await Promise.race([
      Promise.all(
        workers.map(
          (w) => new Promise((r) => (w.child.exitCode !== null ? r(null) : w.child.once('exit', r))),
        ),
      ),
      sleep(8000),
    ]);
    for (const w of workers) w.child.kill('SIGKILL');
    for (const p of pages) await p.context.close().catch(() => {});
    await server.stop();
    for (const j of janus) await j.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const browser = await launchBrowser([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  // The pages are 2D: compositing them through SwiftShader (software GL) made the three Chromium pages the
  // machine's largest consumer (170 % against 59 % of a core with 20 viewers). BENCH_GPU=swiftshader
  // keeps it, to compare.
  ...(process.env.BENCH_GPU === 'swiftshader' ? [] : ['--disable-gpu']),
]);
try {
  for (const c of CASES) {
    try {
      await run(browser, c.viewers, c.janus);
    } catch (err) {
      console.log(
        `\n${c.viewers} viewers on ${c.janus} Janus: the run stopped: ${String(err).split('\n')[0]}`,
      );
    }
  }
} finally {
  await browser.close();
}
