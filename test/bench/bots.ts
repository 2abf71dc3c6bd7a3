import { Client, type Room } from '@colyseus/sdk';
import { AVATAR_COLORS, HALL_ROOM, POSE_SEND_HZ, WALK_SPEED } from '../../shared/constants.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { stepMovement, stepTowards } from '../../shared/sim/movement.ts';
import { findPath } from '../../shared/sim/pathfinding.ts';
import type { Point } from '../../shared/sim/geometry.ts';
import type { HallState } from '../../shared/state/hallState.ts';
import { waitFor } from '../support/waitFor.ts';

export interface Bot {
  room: Room<unknown, HallState>;
  stop(): Promise<void>;
  /** Bytes received on this bot's socket since it joined. */
  bytesIn(): number;
}

/**
 * A headless resident that wanders: joins like a browser would, then walks in a random direction,
 * turning when blocked, sending its pose at the client's rate. Bounded: it stops when told to.
 */
export async function startBot(
  endpoint: string,
  n: number,
  rand: () => number,
  opts: { destination?: Point; idle?: boolean } = {},
): Promise<Bot> {
  const room = await new Client(endpoint).joinOrCreate<HallState>(HALL_ROOM, {
    nickname: `bot${n}`,
    color: AVATAR_COLORS[n % AVATAR_COLORS.length],
    lang: 'ja',
  });
  let bytes = 0;
  const ws = (
    room.connection.transport as unknown as { ws: { on(e: string, cb: (d: Buffer) => void): void } }
  ).ws;
  ws.on('message', (d: Buffer) => (bytes += d.byteLength));
  const hall = hallFromFile();
  // Where the server put us comes as a 'placed' correction right after joining.
  let pos: Point = { x: 0, z: 16 };
  let placed = false;
  room.onMessage('correction', (c: Point) => {
    pos = { x: c.x, z: c.z };
    placed = true;
  });
  // Without it within 5 s the bot starts from the entrance.
  await waitFor(() => placed, 5000, 'placed').catch(() => {});
  let angle = rand() * Math.PI * 2;
  const dt = 1 / POSE_SEND_HZ;
  // First walk to the destination (if any) along a real path, then wander.
  const route = opts.destination ? (findPath(hall.world, hall.nav, pos, opts.destination) ?? []) : [];
  const timer = setInterval(() => {
    if (opts.idle) return;
    const waypoint = route[0];
    if (waypoint) {
      const step = stepTowards(hall.world, pos, waypoint, dt * 0.9);
      if (step.arrived) route.shift();
      pos = step.at;
      room.send('move', { x: pos.x, z: pos.z, ry: angle });
      return;
    }
    const next = stepMovement(hall.world, pos, Math.sin(angle), Math.cos(angle), dt * 0.9);
    if (Math.hypot(next.x - pos.x, next.z - pos.z) < WALK_SPEED * dt * 0.3 || rand() < 0.03)
      angle = rand() * Math.PI * 2;
    pos = next;
    room.send('move', { x: pos.x, z: pos.z, ry: angle });
  }, dt * 1000);
  room.onMessage('error', () => {});
  room.onMessage('poses', () => {});
  room.onMessage('far', () => {});
  room.onMessage('announcements', () => {});
  room.onMessage('disaster', () => {});
  room.onMessage('layout', () => {});
  room.onMessage('briefing', () => {});
  return {
    room,
    bytesIn: () => bytes,
    async stop() {
      clearInterval(timer);
      await room.leave(true).catch(() => {});
    },
  };
}

/** Small deterministic PRNG so benchmark runs are comparable. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
