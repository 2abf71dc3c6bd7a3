import type { Language } from '../../shared/i18n/languages.ts';
import { Client, type Room } from '@colyseus/sdk';
import { HALL_ROOM } from '../../shared/constants.ts';
import type { HallState } from '../../shared/state/hallState.ts';
import type { ConsultationState } from '../../shared/state/consultationState.ts';
import type {
  ConsultationInvite,
  EventView,
  ServerErrorMessage,
  StaffQueueView,
  TicketView,
} from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import type { AnnouncementView } from '../../shared/protocol/announcements.ts';
import type { DisasterView } from '../../shared/protocol/disaster.ts';

/** Signs in over HTTP like the staff page does; returns the session cookie. */
export async function signIn(base: string, username: string, password = 'demo-password'): Promise<string> {
  const res = await fetch(`${base}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function hallPass(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/staff/hall-pass`, { method: 'POST', headers: { cookie } });
  return ((await res.json()) as { pass: string }).pass;
}

/** A hall participant (resident or staff) with what the server told it privately, collected. */
export interface Participant {
  room: Room<unknown, HallState>;
  client: Client;
  errors: ServerErrorMessage[];
  tickets: (TicketView | null)[];
  queues: StaffQueueView[];
  invites: ConsultationInvite[];
  /** Every announcement list and disaster-mode view the hall sent, latest last. */
  announcements: AnnouncementView[][];
  disaster: DisasterView[];
  /** Every hall plan version the hall named (on entering, and when an admin put another live). */
  layouts: string[];
  /** Every briefing the hall said was created, started or ended, in the order told. */
  briefings: EventView[];
  visitorToken?: string;
  ticket(): TicketView | null | undefined;
  queue(): StaffQueueView | undefined;
  /** Waits for the next refusal of `type` and returns its code. */
  refusal(type: string): Promise<string>;
}

export async function joinHall(
  endpoint: string,
  options: { nickname: string; staffPass?: string; visitorToken?: string; lang?: Language },
  /** Request headers, e.g. an X-Forwarded-For address behind a trusted proxy. */
  headers: Record<string, string> = {},
): Promise<Participant> {
  const client = new Client(endpoint, { headers });
  const room = await client.joinOrCreate<HallState>(HALL_ROOM, { color: '#1971c2', lang: 'ja', ...options });
  const p: Participant = {
    room,
    client,
    errors: [],
    tickets: [],
    queues: [],
    invites: [],
    announcements: [],
    disaster: [],
    layouts: [],
    briefings: [],
    visitorToken: options.visitorToken,
    ticket: () => p.tickets.at(-1),
    queue: () => p.queues.at(-1),
    async refusal(type) {
      const before = p.errors.length;
      const e = await waitFor(
        () => p.errors.slice(before).find((x) => x.type === type),
        5000,
        `refusal of ${type}`,
      );
      return e.code;
    },
  };
  room.onMessage('error', (m: ServerErrorMessage) => p.errors.push(m));
  room.onMessage('ticket', (m: TicketView | null) => p.tickets.push(m));
  room.onMessage('staffQueue', (m: StaffQueueView) => p.queues.push(m));
  room.onMessage('consultation', (m: ConsultationInvite) => p.invites.push(m));
  room.onMessage('identity', (m: { visitorToken: string }) => (p.visitorToken = m.visitorToken));
  room.onMessage('correction', () => {});
  room.onMessage('staffProfile', () => {});
  room.onMessage('announcements', (m: AnnouncementView[]) => p.announcements.push(m));
  room.onMessage('disaster', (m: DisasterView) => p.disaster.push(m));
  room.onMessage('layout', (m: { version: string }) => p.layouts.push(m.version));
  room.onMessage('briefing', (m: EventView) => p.briefings.push(m));
  await waitFor(() => room.state.avatars?.get(room.sessionId), 5000, `${options.nickname}'s avatar`);
  return p;
}

export async function enterConsultation(p: Participant): Promise<Room<unknown, ConsultationState>> {
  const invite = await waitFor(() => p.invites.at(-1), 5000, 'a consultation invite');
  return p.client.consumeSeatReservation<ConsultationState>(JSON.parse(invite.token));
}

/**
 * A server whose hall rooms hold two people each, behind a trusted proxy so each client has its own
 * address (X-Forwarded-For `${net}.N`): a signed-in staff member joins first, then the residents, so a
 * few people already span two rooms. `env` adds to the server's configuration.
 */
export async function hallOfTwoPerRoom<N extends string[]>(
  env: Record<string, string>,
  residents: [...N],
  net: string,
): Promise<{ server: TestServer; staff: Participant; residents: { [K in keyof N]: Participant } }> {
  const server = await startTestServer({
    OPENING_HOURS: 'always',
    LOG_LEVEL: 'error',
    HALL_MAX_CLIENTS: '2',
    JOINS_PER_ADDRESS: '4',
    TRUST_PROXY: 'on',
    ...env,
  });
  const as = (i: number) => ({ 'x-forwarded-for': `${net}.${i}` });
  const cookie = await signIn(server.url, 'demo-staff');
  const staff = await joinHall(
    server.endpoint,
    { nickname: 'x', staffPass: await hallPass(server.url, cookie) },
    as(1),
  );
  const people: Participant[] = [];
  for (const [i, nickname] of residents.entries())
    people.push(await joinHall(server.endpoint, { nickname }, as(i + 2)));
  return { server, staff, residents: people as { [K in keyof N]: Participant } };
}
