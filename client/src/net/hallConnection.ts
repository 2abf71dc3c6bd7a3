import { Callbacks, Client, CloseCode, type Room } from '@colyseus/sdk';
import { planInUseIs } from '../app/hallPlan.ts';
import { HALL_ROOM, POSE_SEND_HZ, ROLES, type Role } from '../../../shared/constants.ts';
import {
  CounterStatus,
  HallProtocol,
  type ClientPayload,
  type ClientType,
  type HallJoinOptions,
} from '../../../shared/protocol/index.ts';
import { receiver as receiverFor, speaker } from './typedRoom.ts';

const toHall = speaker(HallProtocol);
const onHall = receiverFor(HallProtocol);
import { useAnnouncementStore } from '../store/announcementStore.ts';
import { useDisasterStore } from '../store/disasterStore.ts';
import { useQueueStore } from '../store/queueStore.ts';
import {
  enterConsultation,
  forgetLostConsultation,
  leaveConsultation,
  onConsultationLost,
  resumeConsultation,
} from './consultationConnection.ts';
import type { AvatarState, HallState } from '../../../shared/state/hallState.ts';
import { callingNumbers } from '../../../shared/state/numberBoard.ts';
import { useHallStore, type Person } from '../store/hallStore.ts';
import { farPoses, localIntent, localPose, remotePoses, setLocalPose } from '../store/poses.ts';
import { createPoseReceiver } from './poseMessages.ts';
import { serverEndpoint } from './endpoint.ts';
import { reconnectBriefly } from './reconnectPolicy.ts';
import { storedVisitorToken, storeVisitorToken } from './visitorToken.ts';
import { eventList } from './eventList.ts';
import { useWaveStore } from '../store/waveStore.ts';

type HallRoom = Room<unknown, HallState>;

const ARRIVAL_NOTICE_GAP_MS = 5000;

let room: HallRoom | null = null;
let hallClient: Client | null = null;

let sendTimer: ReturnType<typeof setInterval> | null = null;
let lastSentVersion = -1;

const asRole = (r: string): Role => ((ROLES as readonly string[]).includes(r) ? (r as Role) : 'resident');

function toPerson(id: string, a: AvatarState): Person {
  return {
    id,
    nickname: a.nickname,
    color: a.color,
    role: asRole(a.role),
    area: a.area,
    away: a.away,
    consulting: a.consulting,
    counterId: a.counterId,
    seat: a.seat,
  };
}

/**
 * The only place that talks to the hall room. Discrete facts go to the hall store; poses go to the
 * transient pose buffers the scene interpolates; the local pose is sent at POSE_SEND_HZ when it changed.
 */
export async function enterHall(
  options: HallJoinOptions,
  /** The room is lost for good (reconnecting failed): join afresh. Without it, we are disconnected. */
  onLost?: () => void,
  again = false,
): Promise<void> {
  const store = useHallStore.getState();
  store.setStatus(again ? 'reconnecting' : 'connecting');
  const client = new Client(serverEndpoint());
  hallClient = client;
  let joined: HallRoom;
  try {
    const visitorToken = options.staffPass ? undefined : storedVisitorToken();
    joined = await client.joinOrCreate<HallState>(HALL_ROOM, { ...options, visitorToken });
  } catch (err) {
    if (!again) store.setStatus('idle');
    throw err;
  }
  if (again) forgetHallRoom();
  room = joined;
  reconnectBriefly(joined);
  store.setSelf(joined.sessionId);
  store.setStatus('connected');
  subscribe(joined, onLost);
  lastSentVersion = localPose.version;
  sendTimer = setInterval(sendPoseIfChanged, 1000 / POSE_SEND_HZ);
  // After a reload in the middle of a consultation, this tab goes straight back into it.
  void resumeConsultation(client, !!options.staffPass);
  if (rejoinPending) askToRejoinConsultation();
  // Briefing news pushed while the room was lost did not reach us: the list is read again.
  if (again) void eventList.refresh().catch(() => {});
}

/** The consultation's room was lost for good: the hall (now, or once we are back in it) finds us a seat. */
let rejoinPending = false;
function askToRejoinConsultation(): void {
  rejoinPending = !hallConnected();
  if (!rejoinPending) toHall(room, 'rejoinConsultation', {});
}
onConsultationLost(askToRejoinConsultation);

/** What we saw of a hall room we lost: another room (maybe of another process) shows its own people. */
function forgetHallRoom(): void {
  remotePoses.clear();
  farPoses.clear();
  const hall = useHallStore.getState();
  for (const id of Object.keys(hall.people)) hall.removePerson(id);
}

function subscribe(r: HallRoom, onLost?: () => void): void {
  const $ = Callbacks.get(r);
  const store = () => useHallStore.getState();
  let initialSync = true;
  let lastArrivalNotice = 0;
  // The first patch carries everyone already in view; only later arrivals are announced.
  setTimeout(() => (initialSync = false), 1500);

  const receiver = createPoseReceiver(() => r.sessionId);
  onHall(r, 'poses', (bytes) => receiver.poses(bytes));
  onHall(r, 'far', (bytes) => store().setHall({ farCount: receiver.far(bytes) }));

  $.onAdd('avatars', (avatar, id) => {
    const isSelf = id === r.sessionId;
    store().upsertPerson(toPerson(id, avatar));
    receiver.known(avatar.n, id);
    if (!isSelf) {
      // In a crowd, a screen reader reading every arrival drowns everything else: one notice per few seconds.
      const now = Date.now();
      if (!initialSync && !avatar.away && now - lastArrivalNotice > ARRIVAL_NOTICE_GAP_MS) {
        lastArrivalNotice = now;
        store().announce('announce.nearby', { name: avatar.nickname });
      }
    }
    $.onChange(avatar, () => {
      const before = store().people[id];
      const next = toPerson(id, avatar);
      if (
        !before ||
        before.area !== next.area ||
        before.away !== next.away ||
        before.nickname !== next.nickname ||
        before.consulting !== next.consulting ||
        before.counterId !== next.counterId ||
        before.seat !== next.seat
      ) {
        store().upsertPerson(next);
      }
    });
  });
  $.onRemove('avatars', (avatar, id) => {
    store().removePerson(id);
    receiver.gone(avatar.n, id);
  });
  $.listen('population', (n) => store().setPopulation(n));
  $.listen('building', (n) => store().setHall({ building: n }));
  $.listen('hall', (n) => store().setHall({ hallNumber: n }));
  $.onAdd('areaCounts', (n, areaId) => store().setAreaCount(areaId, n));
  $.onChange('areaCounts', (areaId, n) => store().setAreaCount(areaId, n));

  const counter = (c: HallState['counters'] extends Map<string, infer C> ? C : never, id: string) => {
    const status = CounterStatus.safeParse(c.status);
    useQueueStore.getState().setCounter(id, {
      status: status.success ? status.data : 'closed',
      staffOnDuty: c.staffOnDuty,
      waiting: c.waiting,
      calling: callingNumbers(c.calling),
      withinHours: c.withinHours,
      opensAt: c.opensAt,
    });
  };
  $.onAdd('counters', (c, id) => {
    counter(c, id);
    $.onChange(c, () => counter(c, id));
  });
  onHall(r, 'identity', (m) => storeVisitorToken(m.visitorToken));
  onHall(r, 'ticket', (t) => useQueueStore.getState().setTicket(t));
  onHall(r, 'staffQueue', (q) => useQueueStore.getState().setStaffQueue(q));
  onHall(r, 'staffProfile', (p) => useQueueStore.getState().setStaff(p));
  onHall(r, 'announcements', (list) => useAnnouncementStore.getState().setCurrent(list));
  onHall(r, 'disaster', (view) => useDisasterStore.getState().setView(view));
  onHall(r, 'layout', (m) => planInUseIs(m.version));
  onHall(r, 'briefing', (e) => eventList.changed(e));
  onHall(r, 'wave', (m) => useWaveStore.getState().started(m.id));
  onHall(r, 'consultation', (invite) => {
    if (hallClient) {
      enterConsultation(hallClient, invite).catch(() => store().announce('consult.joinFailed'));
    }
  });
  onHall(r, 'correction', (c) => {
    localIntent.plan = null;
    setLocalPose(c.x, c.z, localPose.ry);
    lastSentVersion = localPose.version;
  });
  onHall(r, 'error', (e) => store().announce(`serverError.${e.code}`));
  r.onDrop(() => store().setStatus('reconnecting'));
  r.onReconnect(() => store().setStatus('connected'));
  r.onLeave((code) => {
    // A newer room already took over (we joined afresh): nothing of this one matters any more.
    if (room && room !== r) return;
    stopSending();
    room = null;
    if (code === CloseCode.FAILED_TO_RECONNECT && onLost) {
      store().setStatus('reconnecting');
      onLost();
    } else store().setStatus('disconnected');
  });
}

/** True while a hall room is connected (messages sent now arrive). */
export const hallConnected = () => !!room && useHallStore.getState().status === 'connected';

/** Sends a message of the hall's protocol (queue and counter actions); the server validates it again. */
export function sendToHall<K extends ClientType<HallProtocol>>(
  type: K,
  payload: ClientPayload<HallProtocol, K>,
): void {
  toHall(room, type, payload);
}

function sendPoseIfChanged(): void {
  if (!room || useHallStore.getState().status !== 'connected') return;
  if (localPose.version === lastSentVersion) return;
  lastSentVersion = localPose.version;
  toHall(room, 'move', { x: localPose.x, z: localPose.z, ry: localPose.ry });
}

function stopSending(): void {
  if (sendTimer) clearInterval(sendTimer);
  sendTimer = null;
}

export async function leaveHall(): Promise<void> {
  rejoinPending = false;
  stopSending();
  const r = room;
  room = null;
  remotePoses.clear();
  farPoses.clear();
  localIntent.plan = null;
  useHallStore.getState().reset();
  useQueueStore.getState().reset();
  useWaveStore.getState().reset();
  await leaveConsultation();
  forgetLostConsultation();
  hallClient = null;
  if (r) await r.leave(true).catch(() => {});
}

/** For tests and diagnostics only: drops the socket as a network failure would. */
export function simulateNetworkDrop(): void {
  (room?.connection as unknown as { transport?: { ws?: WebSocket } })?.transport?.ws?.close();
}

/** For tests and diagnostics only: the hall room's WebSocket address ('' when none). */
export function hallAddress(): string {
  return (room?.connection as unknown as { transport?: { ws?: WebSocket } })?.transport?.ws?.url ?? '';
}
