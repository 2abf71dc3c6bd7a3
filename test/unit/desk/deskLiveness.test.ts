import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../../server/src/db/database.ts';
import { createQueueService, type QueueService } from '../../../server/src/services/queueService.ts';
import { createDesk, type Desk } from '../../../server/src/desk/desk.ts';
import type { DeskDeps, DeskRoomPort, Person } from '../../../server/src/desk/deskTypes.ts';
import { localDeskBus } from '../../../server/src/desk/deskBus.ts';
import { getHall } from '../../../shared/layout/hallLayout.ts';
import { createLogger } from '../../../server/src/logger.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';

const GRACE_MS = 60_000;
const T0 = Date.parse('2026-12-02T01:00:00Z');

/** A hall room as the desk sees it, recording what it is told. */
function fakeRoom(id: string) {
  const sent: { sessionId: string; type: string; message: unknown }[] = [];
  const port: DeskRoomPort & { sent: typeof sent; counterStatus: Map<string, string>; people: number } = {
    id,
    sent,
    counterStatus: new Map(),
    people: 0,
    send: (sessionId, type, message) => sent.push({ sessionId, type, message }),
    place: () => {},
    setConsulting: () => {},
    setCounter: () => {},
    counters: (changed) => {
      for (const [c, v] of changed) port.counterStatus.set(c, v.status);
    },
    staffOnDuty: () => {},
    building: (n) => (port.people = n),
  };
  return port;
}

const resident = (key: string): Person => ({ kind: 'resident', residentKey: key, nickname: key, lang: 'ja' });
const staff = (id: number): Person => ({
  kind: 'staff',
  profile: { id, username: `s${id}`, displayName: `staff ${id}`, role: 'staff' } as StaffProfile,
});

describe('the desk serves every hall room and keeps a ticket while its resident is in any of them', () => {
  let queue: QueueService;
  let desk: Desk;
  let a: ReturnType<typeof fakeRoom>;
  let b: ReturnType<typeof fakeRoom>;

  beforeEach(async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    queue = createQueueService(db, { dayOf: (at) => new Date(at).toISOString().slice(0, 10) });
    await queue.load(T0);
    const deps: DeskDeps = {
      hall: getHall(),
      queue,
      consultations: {
        listen: () => () => {},
        roomOf: async () => undefined,
        end: async () => {},
      } as unknown as DeskDeps['consultations'],
      catalog: { get: () => ({ procedures: [], departments: [] }) } as unknown as DeskDeps['catalog'],
      records: {} as DeskDeps['records'],
      bookings: {} as DeskDeps['bookings'],
      log: createLogger('silent'),
      ignoreHours: true,
      callGraceMs: 90_000,
      ticketGraceMs: GRACE_MS,
      bus: localDeskBus(),
    };
    desk = createDesk(deps);
    a = fakeRoom('room-a');
    b = fakeRoom('room-b');
    expect([desk.attachRoom(a), desk.attachRoom(b)]).toEqual([1, 2]);
  });
  afterEach(() => desk.close());

  it('staff in one room open a counter everyone sees, and serve a resident of the other room', async () => {
    desk.join(a, 'staff-1', staff(1), T0);
    desk.join(b, 'res-1', resident('k1'), T0);
    desk.takeCounter({ room: a, sessionId: 'staff-1' }, 'shimin', T0);
    expect(b.counterStatus.get('shimin')).toBe('open');
    expect([a.people, b.people]).toEqual([2, 2]);
    await desk.takeTicket({ room: b, sessionId: 'res-1' }, 'shimin', undefined, T0);
    await desk.callNext({ room: a, sessionId: 'staff-1' }, T0 + 1000);
    expect(queue.ticketOf('k1')?.status).toBe('called');
    // The call reaches the resident through their own room.
    const last = b.sent.filter((m) => m.sessionId === 'res-1' && m.type === 'ticket').at(-1);
    expect(last?.message).toMatchObject({ status: 'called' });
  });

  it('a resident in any room keeps their number past the grace; gone from every room, they lose it', async () => {
    desk.join(a, 'staff-1', staff(1), T0);
    desk.takeCounter({ room: a, sessionId: 'staff-1' }, 'shimin', T0);
    desk.join(b, 'res-1', resident('here'), T0);
    desk.join(b, 'res-2', resident('gone'), T0);
    await desk.takeTicket({ room: b, sessionId: 'res-1' }, 'shimin', undefined, T0);
    await desk.takeTicket({ room: b, sessionId: 'res-2' }, 'shimin', undefined, T0);
    desk.leave({ room: b, sessionId: 'res-2' }, T0 + 1000);
    // A reload: the same resident comes back in the other room before the grace is over, and stays.
    desk.join(a, 'res-2b', resident('gone'), T0 + 5000);
    desk.leave({ room: a, sessionId: 'res-2b' }, T0 + 6000);
    await desk.tick(T0 + 6000 + GRACE_MS - 1);
    expect(queue.ticketOf('gone')?.status).toBe('waiting');
    await desk.tick(T0 + 6000 + GRACE_MS + 1000);
    expect(queue.ticketOf('gone')).toBeUndefined();
    expect(queue.ticketOf('here')?.status).toBe('waiting');
  });

  it('a room that goes away takes its people with it, and the counters close without staff', async () => {
    desk.join(a, 'staff-1', staff(1), T0);
    desk.takeCounter({ room: a, sessionId: 'staff-1' }, 'shimin', T0);
    expect(b.counterStatus.get('shimin')).toBe('open');
    desk.detachRoom(a);
    expect(b.counterStatus.get('shimin')).toBe('closed');
    expect(b.people).toBe(0);
    // Its number is free again for the next room.
    expect(desk.attachRoom(fakeRoom('room-c'))).toBe(1);
  });

  it('requests from someone the desk does not know are refused, and roles are the desk’s, not the client’s', async () => {
    desk.join(b, 'res-1', resident('k1'), T0);
    expect(() => desk.takeCounter({ room: b, sessionId: 'res-1' }, 'shimin', T0)).toThrow(/staff only/);
    expect(() => desk.takeCounter({ room: b, sessionId: 'nobody' }, 'shimin', T0)).toThrow(/not in the hall/);
  });
});
