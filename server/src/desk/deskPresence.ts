import type { DeskRoomPort, Person, SessionRef } from './deskTypes.ts';
import type { RemoteMember } from './deskBus.ts';

/**
 * A person connected to a hall room, as the desk keeps them: `room` is set for people of this
 * process, null for those of another process (reached through the bus, by `processId`).
 */
export interface Member extends RemoteMember {
  room: DeskRoomPort | null;
  /** Joining order here: after a reload the same person has a newer session (the old one waits out its grace). */
  seq: number;
}

/** One of this process's people (their room is here). */
export type LocalMember = Member & { room: DeskRoomPort };

const keyOf = (roomId: string, sessionId: string) => `${roomId} ${sessionId}`;

/**
 * Who is connected to which hall room: this process's people, and those other processes announced.
 * The desk serves a person in any room of any process, and a resident counts as present (their ticket
 * stays) while any room has them.
 */
export function createDeskPresence(processId: string, remote: () => readonly RemoteMember[]) {
  const members = new Map<string, LocalMember>();
  let seq = 0;

  const others = (): Member[] => remote().map((m) => ({ ...m, room: null, seq: 0 }));
  const everyone = (): Member[] => [...members.values(), ...others()];

  /** The newest session of this process, else one of another process. */
  const find = (match: (m: Member) => boolean): Member | undefined => {
    let found: Member | undefined;
    for (const m of members.values()) if (match(m) && (!found || m.seq > found.seq)) found = m;
    return found ?? others().find(match);
  };

  return {
    add(room: DeskRoomPort, sessionId: string, person: Person): LocalMember {
      const m: LocalMember = {
        room,
        processId,
        roomId: room.id,
        sessionId,
        person,
        counterId: '',
        consulting: false,
        seat: '',
        seq: ++seq,
      };
      members.set(keyOf(room.id, sessionId), m);
      return m;
    },
    remove(ref: SessionRef): LocalMember | undefined {
      const k = keyOf(ref.room.id, ref.sessionId);
      const m = members.get(k);
      members.delete(k);
      return m;
    },
    get: (ref: SessionRef) => members.get(keyOf(ref.room.id, ref.sessionId)),
    /** This process's people (their views are sent from here). */
    local: () => members.values(),
    everyone,
    /** People in all hall rooms of all processes. */
    size: () => members.size + remote().length,
    /** Everyone of a room that goes away. */
    ofRoom: (roomId: string) => [...members.values()].filter((m) => m.roomId === roomId),

    ofResident: (key: string) => find((m) => m.person.kind === 'resident' && m.person.residentKey === key),
    ofStaff: (staffId: number) => find((m) => m.person.kind === 'staff' && m.person.profile.id === staffId),

    /** Whether this staff member is on duty at the counter, in any hall room of any process. */
    worksAt: (staffId: number, counterId: string) =>
      everyone().some(
        (m) => m.person.kind === 'staff' && m.person.profile.id === staffId && m.counterId === counterId,
      ),
    /** Staff members at a counter, each once (a reloaded one still has a session in its grace). */
    staffCountAt(counterId: string): number {
      const ids = new Set<number>();
      for (const m of everyone()) {
        if (m.person.kind === 'staff' && m.counterId === counterId) ids.add(m.person.profile.id);
      }
      return ids.size;
    },
    /** Resident keys of everyone connected to any hall room: only the tickets of others may lapse. */
    presentKeys(): Set<string> {
      const keys = new Set<string>();
      for (const m of everyone()) if (m.person.kind === 'resident') keys.add(m.person.residentKey);
      return keys;
    },
    /** This process's people as other processes see them. */
    announcement(): RemoteMember[] {
      return [...members.values()].map((m) => ({
        processId,
        roomId: m.roomId,
        sessionId: m.sessionId,
        person: m.person,
        counterId: m.counterId,
        consulting: m.consulting,
        seat: m.seat,
      }));
    },
  };
}
export type DeskPresence = ReturnType<typeof createDeskPresence>;
