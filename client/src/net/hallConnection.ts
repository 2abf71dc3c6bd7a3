import { Callbacks, Client, type Room } from '@colyseus/sdk';
import { HALL_ROOM, POSE_SEND_HZ, ROLES, type Role } from '../../../shared/constants.ts';
import {
  ClientMessage,
  CorrectionMessage,
  ServerErrorMessage,
  ServerMessage,
  type HallJoinOptions,
} from '../../../shared/protocol/index.ts';
import type { AvatarState, HallState } from '../../../shared/state/hallState.ts';
import { useHallStore, type Person } from '../store/hallStore.ts';
import { localIntent, localPose, remotePoses, setLocalPose } from '../store/poses.ts';
import { PoseBuffer } from '../store/poseBuffer.ts';
import { serverEndpoint } from './endpoint.ts';

type HallRoom = Room<unknown, HallState>;

const ARRIVAL_NOTICE_GAP_MS = 5000;

let room: HallRoom | null = null;
let sendTimer: ReturnType<typeof setInterval> | null = null;
let lastSentVersion = -1;

const asRole = (r: string): Role => ((ROLES as readonly string[]).includes(r) ? (r as Role) : 'resident');

function toPerson(id: string, a: AvatarState): Person {
  return { id, nickname: a.nickname, color: a.color, role: asRole(a.role), area: a.area, away: a.away };
}

/**
 * The only place that talks to the hall room. Discrete facts go to the hall store; poses go to the
 * transient pose buffers the scene interpolates; the local pose is sent at POSE_SEND_HZ when it changed.
 */
export async function enterHall(options: HallJoinOptions): Promise<void> {
  const store = useHallStore.getState();
  store.setStatus('connecting');
  const client = new Client(serverEndpoint());
  let joined: HallRoom;
  try {
    joined = await client.joinOrCreate<HallState>(HALL_ROOM, options);
  } catch (err) {
    store.setStatus('idle');
    throw err;
  }
  room = joined;
  // Reconnect even right after joining: a resident on a weak link must not be dropped for good.
  joined.reconnection.minUptime = 0;
  store.setSelf(joined.sessionId);
  store.setStatus('connected');
  subscribe(joined);
  lastSentVersion = localPose.version;
  sendTimer = setInterval(sendPoseIfChanged, 1000 / POSE_SEND_HZ);
}

function subscribe(r: HallRoom): void {
  const $ = Callbacks.get(r);
  const store = () => useHallStore.getState();
  let initialSync = true;
  let lastArrivalNotice = 0;
  // The first patch carries everyone already in view; only later arrivals are announced.
  setTimeout(() => (initialSync = false), 1500);

  $.onAdd('avatars', (avatar, id) => {
    const isSelf = id === r.sessionId;
    store().upsertPerson(toPerson(id, avatar));
    if (isSelf) {
      // The server decides where we appear (spawn, or where we were before a reconnect).
      if (!localIntent.plan) setLocalPose(avatar.x, avatar.z, avatar.ry);
    } else {
      const buffer = remotePoses.get(id) ?? new PoseBuffer();
      buffer.push({ t: performance.now(), x: avatar.x, z: avatar.z, ry: avatar.ry });
      remotePoses.set(id, buffer);
      // In a crowd, a screen reader reading every arrival drowns everything else: one notice per few seconds.
      const now = Date.now();
      if (!initialSync && !avatar.away && now - lastArrivalNotice > ARRIVAL_NOTICE_GAP_MS) {
        lastArrivalNotice = now;
        store().announce('announce.nearby', { name: avatar.nickname });
      }
    }
    $.onChange(avatar, () => {
      if (!isSelf)
        remotePoses.get(id)?.push({ t: performance.now(), x: avatar.x, z: avatar.z, ry: avatar.ry });
      const before = store().people[id];
      const next = toPerson(id, avatar);
      if (
        !before ||
        before.area !== next.area ||
        before.away !== next.away ||
        before.nickname !== next.nickname
      ) {
        store().upsertPerson(next);
      }
    });
  });
  $.onRemove('avatars', (_avatar, id) => {
    store().removePerson(id);
    remotePoses.delete(id);
  });
  $.listen('population', (n) => store().setPopulation(n));
  $.onAdd('areaCounts', (n, areaId) => store().setAreaCount(areaId, n));
  $.onChange('areaCounts', (areaId, n) => store().setAreaCount(areaId, n));

  r.onMessage(ServerMessage.correction, (raw: unknown) => {
    const c = CorrectionMessage.safeParse(raw);
    if (!c.success) return;
    localIntent.plan = null;
    setLocalPose(c.data.x, c.data.z, localPose.ry);
    lastSentVersion = localPose.version;
  });
  r.onMessage(ServerMessage.error, (raw: unknown) => {
    const e = ServerErrorMessage.safeParse(raw);
    if (e.success) store().announce(`serverError.${e.data.code}`);
  });
  r.onDrop(() => store().setStatus('reconnecting'));
  r.onReconnect(() => store().setStatus('connected'));
  r.onLeave(() => {
    stopSending();
    room = null;
    store().setStatus('disconnected');
  });
}

function sendPoseIfChanged(): void {
  if (!room || useHallStore.getState().status !== 'connected') return;
  if (localPose.version === lastSentVersion) return;
  lastSentVersion = localPose.version;
  room.send(ClientMessage.move, { x: localPose.x, z: localPose.z, ry: localPose.ry });
}

function stopSending(): void {
  if (sendTimer) clearInterval(sendTimer);
  sendTimer = null;
}

export async function leaveHall(): Promise<void> {
  stopSending();
  const r = room;
  room = null;
  remotePoses.clear();
  localIntent.plan = null;
  useHallStore.getState().reset();
  if (r) await r.leave(true).catch(() => {});
}

/** For tests and diagnostics only: drops the socket as a network failure would. */
export function simulateNetworkDrop(): void {
  (room?.connection as unknown as { transport?: { ws?: WebSocket } })?.transport?.ws?.close();
}
