import type { DeskHost } from './queueDesk.ts';

/** Who is connected to the hall, looked up for the desk (a handful of sessions per counter). */
export function deskSessions(host: DeskHost) {
  return {
    /** Sessions of the staff on duty at a counter. */
    staffAt(counterId: string): string[] {
      const ids: string[] = [];
      for (const [sid, p] of host.sessions()) {
        if (p.kind === 'staff' && host.state.avatars.get(sid)?.counterId === counterId) ids.push(sid);
      }
      return ids;
    },
    /** Staff members on duty at a counter, each once (a reloaded one still has a session in its grace). */
    staffCountAt(counterId: string): number {
      const ids = new Set<number>();
      for (const [sid, p] of host.sessions()) {
        if (p.kind === 'staff' && host.state.avatars.get(sid)?.counterId === counterId) ids.add(p.profile.id);
      }
      return ids.size;
    },
    /** Resident keys of everyone present: tickets of the absent lapse. */
    presentKeys(): Set<string> {
      const keys = new Set<string>();
      for (const [, p] of host.sessions()) if (p.kind === 'resident') keys.add(p.residentKey);
      return keys;
    },
    // After a reload the same person has a new session while the old one waits out its reconnection
    // grace: the newest (sessions iterate in joining order) is the one they use.
    ofResident(key: string): string | undefined {
      let found: string | undefined;
      for (const [sid, p] of host.sessions()) if (p.kind === 'resident' && p.residentKey === key) found = sid;
      return found;
    },
    ofStaff(staffId: number): string | undefined {
      let found: string | undefined;
      for (const [sid, p] of host.sessions()) if (p.kind === 'staff' && p.profile.id === staffId) found = sid;
      return found;
    },
  };
}
export type DeskSessions = ReturnType<typeof deskSessions>;
