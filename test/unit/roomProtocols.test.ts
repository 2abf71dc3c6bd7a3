import { describe, expect, it } from 'vitest';
import {
  BriefingProtocol,
  ConsultationProtocol,
  HallProtocol,
  STAFF_MESSAGES,
  MODERATOR_MESSAGES,
} from '../../shared/protocol/index.ts';

describe('room protocols, both directions', () => {
  it('staff-only and moderator-only messages are messages of their room', () => {
    for (const type of STAFF_MESSAGES) expect(Object.keys(HallProtocol.client)).toContain(type);
    for (const type of MODERATOR_MESSAGES) expect(Object.keys(BriefingProtocol.client)).toContain(type);
  });

  it('refuses payloads that are not what the receiver expects, in either direction', () => {
    expect(HallProtocol.client.move.safeParse({ x: 1, z: 2, ry: 0, role: 'staff' }).success).toBe(false);
    expect(HallProtocol.client.takeTicket.safeParse({ counterId: 'Shimin Ka' }).success).toBe(false);
    expect(HallProtocol.server.ticket.safeParse(null).success).toBe(true);
    expect(HallProtocol.server.poses.safeParse('not bytes').success).toBe(false);
    expect(HallProtocol.server.poses.safeParse(new Uint8Array([0, 0])).success).toBe(true);
    expect(ConsultationProtocol.client.signal.safeParse({ to: 'x', link: 'ab' }).success).toBe(false);
    expect(
      ConsultationProtocol.server.error.safeParse({ code: 'madeUp', type: 'chat', detail: '' }).success,
    ).toBe(false);
    expect(BriefingProtocol.server.stage.safeParse({ mode: 'p2p', limit: 6, iceServers: [] }).success).toBe(
      true,
    );
    expect(BriefingProtocol.server.stage.safeParse({ mode: 'sfu', limit: 6 }).success).toBe(false);
  });

  it('a room closes with its own codes above the ones Colyseus reserves', () => {
    for (const code of Object.values(BriefingProtocol.close)) expect(code).toBeGreaterThanOrEqual(4100);
  });
});
