import { Client, type Room } from '@colyseus/sdk';
import { HALL_ROOM, POSITION_LIMIT_M, type AvatarColor } from '../../shared/constants.ts';
import type { HallState } from '../../shared/state/hallState.ts';
import { decodePoses, type CorrectionMessage, type ServerErrorMessage } from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';

export type HallRoom = Room<unknown, HallState>;

/** Positions travel quantized (16 bits over ±POSITION_LIMIT_M): equal on the wire means within a step. */
export const WIRE_STEP_M = (2 * POSITION_LIMIT_M) / 65535 + 1e-6;

export interface Resident {
  room: HallRoom;
  corrections: CorrectionMessage[];
  errors: ServerErrorMessage[];
  /** The tab secret the server handed out (as a browser keeps it in sessionStorage). */
  visitorToken(): string | undefined;
  /** This resident's own avatar as the server reports it. */
  self(): { x: number; z: number; area: string; nickname: string; away: boolean };
  sees(nickname: string): boolean;
  avatarOf(nickname: string): { x: number; z: number; away: boolean } | undefined;
}

/** A real SDK client joined to the hall, with the server's corrections and errors collected. */
export async function joinResident(
  endpoint: string,
  nickname: string,
  color: AvatarColor = '#1971c2',
): Promise<Resident> {
  const room = await new Client(endpoint).joinOrCreate<HallState>(HALL_ROOM, { nickname, color, lang: 'ja' });
  const corrections: CorrectionMessage[] = [];
  const errors: ServerErrorMessage[] = [];
  // Positions are not state: others' come as pose messages by number, our own from where the server put
  // us ('placed' at join, corrections) and the moves we send, as the browser client keeps it.
  const poses = trackPoses(room);
  let mine: { x: number; z: number } | null = null;
  room.onMessage('correction', (m: CorrectionMessage) => {
    mine = { x: m.x, z: m.z };
    if (m.reason !== 'placed') corrections.push(m);
  });
  const send = room.send.bind(room);
  room.send = ((type: string, message: { x: number; z: number }) => {
    // A refused message (not numbers) changes nothing on the server; a refused move is corrected.
    if (type === 'move' && Number.isFinite(message?.x) && Number.isFinite(message?.z)) {
      mine = { x: message.x, z: message.z };
    }
    send(type, message);
  }) as typeof room.send;
  room.onMessage('error', (m: ServerErrorMessage) => errors.push(m));
  let visitorToken: string | undefined;
  room.onMessage('identity', (m: { visitorToken?: string }) => (visitorToken = m.visitorToken));
  room.onMessage('ticket', () => {});
  // What everyone in the hall is told; these clients test other things.
  room.onMessage('announcements', () => {});
  room.onMessage('disaster', () => {});
  room.onMessage('layout', () => {});
  room.onMessage('briefing', () => {});
  const avatars = () => [...(room.state.avatars?.values() ?? [])];
  const mineAvatar = () => room.state.avatars?.get(room.sessionId);
  const r: Resident = {
    room,
    corrections,
    errors,
    visitorToken: () => visitorToken,
    self: () => {
      const a = room.state.avatars.get(room.sessionId)!;
      return { x: mine!.x, z: mine!.z, area: a.area, nickname: a.nickname, away: a.away };
    },
    // Seen means both who they are (state) and where they stand (a pose) have arrived.
    sees: (n) =>
      avatars().some((a) => a.nickname === n && (a.n === 0 || poses.has(a.n) || a === mineAvatar())),
    avatarOf: (n) => {
      const a = avatars().find((x) => x.nickname === n);
      const p = a && poses.get(a.n);
      return a && p ? { x: p.x, z: p.z, away: a.away } : undefined;
    },
  };
  // Full state arrives one round trip after the join resolves; where we stand comes with it.
  await waitFor(() => room.state.avatars?.get(room.sessionId) && mine, 5000, `${nickname}'s own avatar`);
  return r;
}

/** The latest pose of each avatar number, from the room's binary pose messages. */
export function trackPoses(room: { onMessage(type: string, cb: (m: Uint8Array) => void): unknown }) {
  const latest = new Map<number, { x: number; z: number; ry: number }>();
  room.onMessage('poses', (bytes) => decodePoses(bytes, (p) => latest.set(p.n, p)));
  room.onMessage('far', () => {});
  return latest;
}

/**
 * Walks a resident along a planned path at walking speed, one pose message per client tick, the way the
 * browser client does. Resolves when the last waypoint is reached.
 */
export async function walkAlong(r: Resident, to: { x: number; z: number }): Promise<void> {
  const { getHall } = await import('../../shared/layout/hallLayout.ts');
  const { findPath } = await import('../../shared/sim/pathfinding.ts');
  const { stepTowards } = await import('../../shared/sim/movement.ts');
  const { POSE_SEND_HZ } = await import('../../shared/constants.ts');
  const hall = getHall();
  let pos = { x: r.self().x, z: r.self().z };
  const path = findPath(hall.world, hall.nav, pos, to);
  if (!path) throw new Error(`no path to ${to.x},${to.z}`);
  const dt = 1 / POSE_SEND_HZ;
  for (const waypoint of path) {
    for (let arrived = false; !arrived;) {
      const step = stepTowards(hall.world, pos, waypoint, dt);
      arrived = step.arrived;
      pos = step.at;
      r.room.send('move', { x: pos.x, z: pos.z, ry: 0 });
      await new Promise((res) => setTimeout(res, dt * 1000));
    }
  }
}
