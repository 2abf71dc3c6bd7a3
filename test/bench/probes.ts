import { Client, type Room } from '@colyseus/sdk';
import { HALL_ROOM } from '../../shared/constants.ts';
import type { HallState } from '../../shared/state/hallState.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { stepTowards } from '../../shared/sim/movement.ts';
import { decodePoses } from '../../shared/protocol/poses.ts';
import { sleep } from './benchProcesses.ts';

/** Real SDK residents that decode what they receive: how long a neighbour's move takes to be seen. */
const hall = hallFromFile();

type HallRoom = Room<unknown, HallState>;

/** A resident that decodes what it receives, to see when a neighbour's move arrives. */
export interface Probe {
  room: HallRoom;
  /** Where this probe stands (from the server's corrections and its own moves). */
  at: { x: number; z: number };
  /** Latest poses of those it sees in full, by avatar number. */
  seen: Map<number, { x: number; z: number }>;
  onPose: ((n: number, x: number) => void) | null;
}

export async function probe(endpoint: string, name: string): Promise<Probe> {
  const room = await new Client(endpoint).joinOrCreate<HallState>(HALL_ROOM, {
    nickname: name,
    color: '#1971c2',
    lang: 'ja',
  });
  const p: Probe = { room, at: { x: NaN, z: NaN }, seen: new Map(), onPose: null };
  for (const type of [
    'error',
    'ticket',
    'identity',
    'far',
    'announcements',
    'disaster',
    'layout',
    'briefing',
  ])
    room.onMessage(type, () => {});
  room.onMessage('correction', (c: { x: number; z: number }) => (p.at = { x: c.x, z: c.z }));
  room.onMessage('poses', (bytes: Uint8Array) =>
    decodePoses(bytes, (pose) => {
      p.seen.set(pose.n, pose);
      p.onPose?.(pose.n, pose.x);
    }),
  );
  for (let i = 0; i < 50 && (Number.isNaN(p.at.x) || !room.state.avatars?.get(room.sessionId)); i++)
    await sleep(100);
  return p;
}

export const numberOf = (p: Probe) => p.room.state.avatars.get(p.room.sessionId)!.n;

/** Walks `mover` next to `observer` with valid steps, until the observer has it in full view. */
export async function standBeside(mover: Probe, observer: Probe): Promise<boolean> {
  const goal = { x: observer.at.x + 0.6, z: observer.at.z };
  for (let i = 0; i < 200 && Math.hypot(mover.at.x - goal.x, mover.at.z - goal.z) > 0.05; i++) {
    mover.at = stepTowards(hall.world, mover.at, goal, 0.09).at;
    mover.room.send('move', { x: mover.at.x, z: mover.at.z, ry: 0 });
    await sleep(100);
  }
  for (let i = 0; i < 50; i++) {
    if (observer.room.state.avatars.get(mover.room.sessionId) && observer.seen.has(numberOf(mover)))
      return true;
    await sleep(100);
  }
  return false;
}
