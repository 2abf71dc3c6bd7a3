/**
 * A process of lightweight residents for bench:crowd. They join like a browser, walk (or stay packed in
 * the lobby) and shuffle at 10 Hz, but never decode the state they receive: they only count its bytes,
 * so they cost little and are not the limit being measured. Controlled over IPC by the benchmark.
 */
import { Client, registerSerializer, type Room } from '@colyseus/sdk';
import { AVATAR_COLORS, HALL_ROOM } from '../../shared/constants.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { waitFor } from '../support/waitFor.ts';
import { cellCenter, nearestOpenCell } from '../../shared/sim/navGrid.ts';
import { findPath } from '../../shared/sim/pathfinding.ts';
import { stepTowards } from '../../shared/sim/movement.ts';
import type { Point } from '../../shared/sim/geometry.ts';
import { mulberry32 } from './bots.ts';

/** Takes the state bytes and throws them away: counting is all these bots do with them. */
class SkipState {
  setState(): void {}
  getState(): object {
    return {};
  }
  patch(): void {}
  teardown(): void {}
  handshake(): void {}
}
registerSerializer('schema', SkipState);

interface Settings {
  endpoint: string;
  count: number;
  firstId: number;
  spread: boolean;
  seed: number;
}
const cfg = JSON.parse(process.env.CROWD_BOTS ?? '{}') as Settings;
const hall = hallFromFile();
const rand = mulberry32(cfg.seed);
const TICK_S = 0.1;
const SHUFFLE_M = 0.5;

interface Bot {
  room: Room;
  bytes: number;
  pos: Point | null;
  home: Point | null;
  route: Point[];
}
const bots: Bot[] = [];

/**
 * Where a bot goes to stand: anywhere open in the lobby (packed: the crowd at the entrance before a
 * briefing), or anywhere in the hall but the consultation rooms (spread).
 */
function placeToStand(): Point {
  const areas = hall.layout.areas.filter((a) =>
    cfg.spread ? a.kind !== 'consultation' : a.kind === 'lobby',
  );
  const area = areas[Math.floor(rand() * areas.length)]!;
  const { minX, maxX, minZ, maxZ } = area.rect;
  const cell = nearestOpenCell(hall.nav, minX + rand() * (maxX - minX), minZ + rand() * (maxZ - minZ), 40);
  return cell >= 0 ? cellCenter(hall.nav, cell) : { x: (minX + maxX) / 2, z: (minZ + maxZ) / 2 };
}

async function join(i: number): Promise<void> {
  const n = cfg.firstId + i;
  const room = await new Client(cfg.endpoint).joinOrCreate(HALL_ROOM, {
    nickname: `bot${n}`,
    color: AVATAR_COLORS[n % AVATAR_COLORS.length],
    lang: 'ja',
  });
  const bot: Bot = { room, bytes: 0, pos: null, home: null, route: [] };
  const ws = (room.connection.transport as unknown as { ws: { on(e: string, f: (d: Buffer) => void): void } })
    .ws;
  ws.on('message', (d) => (bot.bytes += d.byteLength));
  // The server's correction tells a bot where it really stands (it never decodes the state).
  room.onMessage('correction', (c: { x: number; z: number }) => {
    bot.pos = { x: c.x, z: c.z };
    if (!bot.home) {
      bot.home = { ...bot.pos };
      bot.route = findPath(hall.world, hall.nav, bot.pos, placeToStand()) ?? [];
    }
  });
  for (const type of ['error', 'ticket', 'identity', 'announcements', 'disaster', 'layout', 'briefing'])
    room.onMessage(type, () => {});
  room.send('move', { x: 999, z: 999, ry: 0 });
  bots.push(bot);
}

function step(bot: Bot): void {
  if (!bot.pos || !bot.home) return;
  const waypoint = bot.route[0];
  if (waypoint) {
    const s = stepTowards(hall.world, bot.pos, waypoint, TICK_S * 0.9);
    if (s.arrived) {
      bot.route.shift();
      if (bot.route.length === 0) bot.home = { ...s.at };
    }
    bot.pos = s.at;
  } else {
    const target = {
      x: bot.home.x + (rand() - 0.5) * 2 * SHUFFLE_M,
      z: bot.home.z + (rand() - 0.5) * 2 * SHUFFLE_M,
    };
    bot.pos = stepTowards(hall.world, bot.pos, target, TICK_S * 0.5).at;
  }
  bot.room.send('move', { x: bot.pos.x, z: bot.pos.z, ry: rand() * Math.PI * 2 });
}

let marked: { bytes: number[]; cpu: NodeJS.CpuUsage; at: number } | null = null;
process.on('message', (m: { type: string }) => {
  if (m.type === 'mark')
    marked = { bytes: bots.map((b) => b.bytes), cpu: process.cpuUsage(), at: Date.now() };
  if (m.type === 'report' && marked) {
    const seconds = (Date.now() - marked.at) / 1000;
    const cpu = process.cpuUsage(marked.cpu);
    process.send?.({
      type: 'report',
      rates: bots.map((b, i) => (b.bytes - marked!.bytes[i]!) / seconds),
      cpuShare: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
    });
  }
  if (m.type === 'stop') {
    for (const b of bots) b.room.connection.close();
    process.exit(0);
  }
});

// Join a few at a time (as a crowd arriving over some seconds would), then walk and shuffle.
const CONCURRENCY = 8;
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < cfg.count) await join(next++);
  }),
);
setInterval(() => bots.forEach(step), TICK_S * 1000);
const settled = () => bots.every((b) => b.home && b.route.length === 0);
// Report ready once all stand where they were going, or after a minute in any case.
await waitFor(settled, 60_000, 'the bots in place').catch(() => {});
process.send?.({ type: 'ready', joined: bots.length });
