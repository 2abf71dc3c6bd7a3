import { Client, type Room } from '@colyseus/sdk';
import { BRIEFING_ROOM, type EventView } from '../../shared/protocol/index.ts';
import type { BriefingState } from '../../shared/state/briefingState.ts';
import type { TestServer } from '../support/testServer.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { newVisitorToken } from '../support/visitorToken.ts';

/** A briefing participant with the refusals and private messages the server sent it, collected. */
export type Briefing = Room<unknown, BriefingState> & {
  errors: { code: string; type: string; detail?: string }[];
  inbox: { type: string; message: Record<string, unknown> }[];
};

/** HTTP and room helpers for briefing tests against one booted server. */
export function briefingClients(server: () => TestServer) {
  const send = (method: string, path: string, body: unknown, cookie?: string) =>
    fetch(`${server().url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const rooms: Briefing[] = [];
  // One signed visitor token per nickname, as each resident's hall tab would hold.
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (nickname: string) => {
    if (!tokens.has(nickname)) tokens.set(nickname, newVisitorToken(server().url));
    return tokens.get(nickname)!;
  };
  return {
    rooms,
    tokenOf,
    post: (path: string, body: unknown, cookie?: string) => send('POST', path, body, cookie),
    put: (path: string, body: unknown, cookie?: string) => send('PUT', path, body, cookie),
    async join(
      eventId: number,
      nickname: string,
      staffPass?: string,
      more: { seat?: string; visitorToken?: string } = {},
    ): Promise<Briefing> {
      // A resident without a token of their own is someone new (a fresh token, as from POST /api/visitor).
      const visitorToken = staffPass
        ? undefined
        : (more.visitorToken ?? (await newVisitorToken(server().url)));
      const room = (await new Client(server().endpoint).joinOrCreate<BriefingState>(BRIEFING_ROOM, {
        eventId,
        nickname,
        ...(staffPass ? { staffPass } : {}),
        ...more,
        ...(visitorToken ? { visitorToken } : {}),
      })) as Briefing;
      room.errors = [];
      room.inbox = [];
      room.onMessage('error', (m: { code: string; type: string }) => room.errors.push(m));
      for (const type of ['stage', 'signal', 'feed'])
        room.onMessage(type, (message: Record<string, unknown>) => room.inbox.push({ type, message }));
      await waitFor(() => room.state.people?.get(room.sessionId), 5000, `${nickname} in the briefing`);
      rooms.push(room);
      return room;
    },
    /** Rooms closed by the end of an event never answer a leave, so do not wait on them for long. */
    leaveAll: () =>
      Promise.all(rooms.splice(0).map((r) => Promise.race([r.leave().catch(() => {}), settle(500)]))),
    /** A host creates a briefing that starts now and takes it live; returns the event. */
    async liveEvent(
      hostCookie: string,
      more: { capacity?: number; presenters?: string[]; captioners?: string[]; interpreters?: string[] } = {},
    ) {
      const created = await send(
        'POST',
        '/api/events',
        {
          title: { ja: '説明会', en: 'Briefing' },
          description: { ja: '説明', en: 'About' },
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          capacity: more.capacity ?? 50,
          presenters: more.presenters ?? ['demo-host'],
          captioners: more.captioners ?? [],
          interpreters: more.interpreters ?? [],
        },
        hostCookie,
      );
      const event = (await created.json()) as EventView;
      const started = await send('POST', `/api/events/${event.id}/start`, {}, hostCookie);
      if (started.status !== 200)
        throw new Error(`could not start: ${started.status} ${await started.text()}`);
      return event;
    },
    me: (r: Briefing) => r.state.people.get(r.sessionId)!,
    refusal: (r: Briefing, type: string) =>
      waitFor(() => r.errors.find((e) => e.type === type), 5000, `refusal of ${type}`).then((e) => e.code),
  };
}
