import type { CounterStatus, ConsultationInvite } from '../../../shared/protocol/index.ts';
import type { Person } from './deskTypes.ts';

/** Someone connected to a hall room of another process, as that process announces them. */
export interface RemoteMember {
  processId: string;
  roomId: string;
  sessionId: string;
  person: Person;
  counterId: string;
  consulting: boolean;
  /** Auditorium seat they sit on ('' standing): a briefing keeps it whichever process it runs on. */
  seat: string;
}

/** What the desk of one process asks the desk of another to do for one of its people. */
export type RemoteAction =
  | { kind: 'invite'; roomId: string; sessionId: string; invite: ConsultationInvite }
  | { kind: 'place'; roomId: string; sessionId: string; at: [number, number] }
  | { kind: 'consulting'; roomId: string; sessionId: string; on: boolean };

/**
 * The seam between the desks of several processes (issue 9): who is connected where, actions for
 * people on another process, the counters' chosen statuses, and "something changed, look again".
 * One process needs none of it (`localDeskBus`); several share it through Redis (cluster/redisDeskBus).
 */
export interface DeskBus {
  readonly processId: string;
  /** Everyone the other processes last announced (a dead process's people vanish after a few seconds). */
  remoteMembers(): readonly RemoteMember[];
  /** Announces this process's people (called when they change, and now and then). */
  announce(members: RemoteMember[]): void;
  send(processId: string, action: RemoteAction): void;
  onAction(handler: (action: RemoteAction) => void): void;
  /** Counter statuses staff chose (open, busy, away, closed), shared by all processes. */
  chosen: Map<string, CounterStatus>;
  setChosen(counterId: string, status: CounterStatus | null): void;
  /** Tickets, counters or people changed here: the other processes refresh and update their views. */
  changed(): void;
  onChanged(handler: () => void): void;
  /**
   * True for exactly one caller (of any process) until `ttlMs` passes: who does something that must
   * happen once, such as opening a ticket's consultation room again after its process died.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Another process stopped announcing its people (it died): its rooms should be cleared now. */
  onProcessGone(handler: (processId: string) => void): void;
  close(): Promise<void>;
}

/** A single process: nobody elsewhere, nothing to tell. */
export function localDeskBus(): DeskBus {
  const chosen = new Map<string, CounterStatus>();
  const claims = new Map<string, number>();
  return {
    processId: 'local',
    remoteMembers: () => [],
    announce: () => {},
    send: () => {
      throw new Error('no other processes');
    },
    onAction: () => {},
    chosen,
    setChosen: (id, status) => (status ? chosen.set(id, status) : chosen.delete(id)),
    changed: () => {},
    onChanged: () => {},
    claim: async (key, ttlMs) => {
      const now = Date.now();
      if ((claims.get(key) ?? 0) > now) return false;
      claims.set(key, now + ttlMs);
      for (const [k, until] of claims) if (until <= now) claims.delete(k);
      return true;
    },
    onProcessGone: () => {},
    close: async () => {},
  };
}
