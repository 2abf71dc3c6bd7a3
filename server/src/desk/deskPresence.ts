import type { DeskRoomPort, Person, SessionRef } from './deskTypes.ts';

/** A person connected to a hall room, as the desk keeps them. */
export interface Member extends SessionRef {
  person: Person;
  /** Staff: the counter they work ('' when none). The desk's truth; the room mirrors it on the avatar. */
  counterId: string;
  consulting: boolean;
  /** Joining order: after a reload the same person has a newer session (the old one waits out its grace). */
  seq: number;
}

const keyOf = (roomId: string, sessionId: string) => `${roomId} ${sessionId}`;

/**
 * Who is connected to which hall room, across all rooms of this process: the desk serves a person in
 * any room, and a resident counts as present (their ticket stays) while any room has them.
 */
export function createDeskPresence() {
  const members = new Map<string, Member>();
  let seq = 0;

  const newest = (match: (m: Member) => boolean): Member | undefined => {
    let found: Member | undefined;
    for (const m of members.values()) if (match(m) && (!found || m.seq > found.seq)) found = m;
    return found;
  };

  return {
    add(room: DeskRoomPort, sessionId: string, person: Person): Member {
      const m: Member = { room, sessionId, person, counterId: '', consulting: false, seq: ++seq };
      members.set(keyOf(room.id, sessionId), m);
      return m;
    },
    remove(ref: SessionRef): Member | undefined {
      const k = keyOf(ref.room.id, ref.sessionId);
      const m = members.get(k);
      members.delete(k);
      return m;
    },
    get: (ref: SessionRef) => members.get(keyOf(ref.room.id, ref.sessionId)),
    all: () => members.values(),
    size: () => members.size,
    /** Everyone of a room that goes away. */
    ofRoom: (roomId: string) => [...members.values()].filter((m) => m.room.id === roomId),

    ofResident: (key: string) => newest((m) => m.person.kind === 'resident' && m.person.residentKey === key),
    ofStaff: (staffId: number) => newest((m) => m.person.kind === 'staff' && m.person.profile.id === staffId),

    /** Staff sessions at a counter. */
    staffAt(counterId: string): Member[] {
      return [...members.values()].filter((m) => m.person.kind === 'staff' && m.counterId === counterId);
    },
    /** Staff members at a counter, each once (a reloaded one still has a session in its grace). */
    staffCountAt(counterId: string): number {
      const ids = new Set<number>();
      for (const m of members.values()) {
        if (m.person.kind === 'staff' && m.counterId === counterId) ids.add(m.person.profile.id);
      }
      return ids.size;
    },
    /** Resident keys of everyone connected to any hall room: only the tickets of others may lapse. */
    presentKeys(): Set<string> {
      const keys = new Set<string>();
      for (const m of members.values()) if (m.person.kind === 'resident') keys.add(m.person.residentKey);
      return keys;
    },
  };
}
export type DeskPresence = ReturnType<typeof createDeskPresence>;
