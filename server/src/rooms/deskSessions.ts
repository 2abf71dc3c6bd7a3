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
    /** Resident keys of everyone present: tickets of the absent lapse. */
    presentKeys(): Set<string> {
      const keys = new Set<string>();
      for (const [, p] of host.sessions()) if (p.kind === 'resident') keys.add(p.residentKey);
      return keys;
    },
    ofResident(key: string): string | undefined {
      for (const [sid, p] of host.sessions()) if (p.kind === 'resident' && p.residentKey === key) return sid;
      return undefined;
    },
    ofStaff(staffId: number): string | undefined {
      for (const [sid, p] of host.sessions()) if (p.kind === 'staff' && p.profile.id === staffId) return sid;
      return undefined;
    },
  };
}
export type DeskSessions = ReturnType<typeof deskSessions>;
