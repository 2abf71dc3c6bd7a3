import { Client, type Room } from '@colyseus/sdk';
import { HALL_ROOM, type AvatarColor } from '../../shared/constants.ts';
import type { HallState } from '../../shared/state/hallState.ts';
import type { CorrectionMessage, ServerErrorMessage } from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';

export type HallRoom = Room<unknown, HallState>;

export interface Resident {
  room: HallRoom;
  corrections: CorrectionMessage[];
  errors: ServerErrorMessage[];
  /** The tab secret the server handed out (as a browser keeps it in sessionStorage). */
  resumeToken(): string | undefined;
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
  room.onMessage('correction', (m: CorrectionMessage) => corrections.push(m));
  room.onMessage('error', (m: ServerErrorMessage) => errors.push(m));
  let resumeToken: string | undefined;
  room.onMessage('identity', (m: { resumeToken?: string }) => (resumeToken = m.resumeToken));
  room.onMessage('ticket', () => {});
  const avatars = () => [...(room.state.avatars?.values() ?? [])];
  const r: Resident = {
    room,
    corrections,
    errors,
    resumeToken: () => resumeToken,
    self: () => {
      const a = room.state.avatars.get(room.sessionId)!;
      return { x: a.x, z: a.z, area: a.area, nickname: a.nickname, away: a.away };
    },
    sees: (n) => avatars().some((a) => a.nickname === n),
    avatarOf: (n) => avatars().find((a) => a.nickname === n),
  };
  // Full state arrives one round trip after the join resolves.
  await waitFor(() => room.state.avatars?.get(room.sessionId), 5000, `${nickname}'s own avatar`);
  return r;
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
