import { Room, ServerError, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { AvatarState, HallState } from '../../../shared/state/hallState.ts';
import {
  ClientMessage,
  HallJoinOptions,
  MoveMessage,
  ServerMessage,
  type CorrectionMessage,
  type ServerErrorMessage,
} from '../../../shared/protocol/index.ts';
import { PATCH_INTERVAL_MS } from '../../../shared/constants.ts';
import type { Track } from '../services/movementService.ts';
import { createInterestService, type InterestService } from '../services/interestService.ts';
import type { HallDeps } from './hallDeps.ts';
import { formatIssues } from './formatIssues.ts';

/** How often visibility and per-area counts are recomputed; people walk ~1 m in this time. */
const INTEREST_INTERVAL_MS = 250;

/**
 * The public hall. Thin by design: validate with zod, ask a service, mirror the answer into state.
 * Identity is the session id the server issued; roles are decided here (residents only, for now),
 * never taken from the client.
 */
export function createHallRoom(deps: HallDeps) {
  return class HallRoom extends Room<{ state: HallState }> {
    override state = new HallState();
    override maxClients = deps.config.HALL_MAX_CLIENTS;
    override maxMessagesPerSecond = deps.config.MAX_MESSAGES_PER_SECOND;
    private tracks = new Map<string, Track>();
    private interest: InterestService = createInterestService(deps.config.INTEREST_RADIUS);

    override onCreate(): void {
      this.setPatchRate(PATCH_INTERVAL_MS);
      for (const area of deps.hall.layout.areas) this.state.areaCounts.set(area.id, 0);
      this.onMessage(ClientMessage.move, (client, raw: unknown) => this.handleMove(client, raw));
      this.onMessage('*', (client, type) => {
        this.refuse(client, { code: 'unknownMessage', type: String(type), detail: `no such message type` });
      });
      this.clock.setInterval(() => this.updateInterest(), INTEREST_INTERVAL_MS);
    }

    override onAuth(_client: Client, options: unknown): HallJoinOptions {
      const parsed = HallJoinOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
      return parsed.data;
    }

    override onJoin(client: Client, _options: unknown, auth: HallJoinOptions): void {
      const track = deps.movement.spawn([...this.tracks.values()], Date.now());
      this.tracks.set(client.sessionId, track);
      const avatar = new AvatarState();
      avatar.nickname = auth.nickname;
      avatar.color = auth.color;
      avatar.role = 'resident';
      this.applyTrack(avatar, track);
      this.state.avatars.set(client.sessionId, avatar);
      client.view = new StateView();
      client.view.add(avatar);
      this.state.population = this.clients.length;
      this.updateInterest();
      deps.visits
        .recordEntry(this.state.population)
        .catch((err: unknown) => deps.log.error('visit count failed', err));
    }

    override onDrop(client: Client): void {
      const avatar = this.state.avatars.get(client.sessionId);
      if (avatar) avatar.away = true;
      // Not awaited: the promise settles when the client returns or the grace time runs out (then onLeave).
      this.allowReconnection(client, deps.config.RECONNECT_GRACE_S).catch(() => {});
    }

    override onReconnect(client: Client): void {
      const avatar = this.state.avatars.get(client.sessionId);
      if (avatar) avatar.away = false;
      const track = this.tracks.get(client.sessionId);
      // Time spent away must not become a distance budget for a teleport.
      if (track) this.tracks.set(client.sessionId, { ...track, lastAt: Date.now() });
    }

    override onLeave(client: Client): void {
      this.state.avatars.delete(client.sessionId);
      this.tracks.delete(client.sessionId);
      this.interest.forget(client.sessionId);
      client.view?.dispose();
      this.state.population = this.clients.length;
    }

    private handleMove(client: Client, raw: unknown): void {
      const parsed = MoveMessage.safeParse(raw);
      if (!parsed.success) {
        this.refuse(client, {
          code: 'invalidMessage',
          type: ClientMessage.move,
          detail: formatIssues(parsed.error),
        });
        return;
      }
      const track = this.tracks.get(client.sessionId);
      const avatar = this.state.avatars.get(client.sessionId);
      if (!track || !avatar) return;
      const outcome = deps.movement.move(track, parsed.data, Date.now());
      this.tracks.set(client.sessionId, outcome.track);
      if (outcome.accepted) {
        this.applyTrack(avatar, outcome.track);
      } else {
        const correction: CorrectionMessage = {
          x: outcome.track.x,
          z: outcome.track.z,
          reason: outcome.reason,
        };
        client.send(ServerMessage.correction, correction);
      }
    }

    private applyTrack(avatar: AvatarState, track: Track): void {
      avatar.x = track.x;
      avatar.z = track.z;
      avatar.ry = track.ry;
      avatar.area = track.areaId;
    }

    private refuse(client: Client, error: ServerErrorMessage): void {
      client.send(ServerMessage.error, error);
    }

    private updateInterest(): void {
      const positions = [...this.tracks].map(([id, t]) => ({ id, x: t.x, z: t.z }));
      for (const change of this.interest.update(positions)) {
        const view = this.clients.getById(change.observer)?.view;
        if (!view) continue;
        for (const id of change.added) {
          const avatar = this.state.avatars.get(id);
          if (avatar) view.add(avatar);
        }
        for (const id of change.removed) {
          const avatar = this.state.avatars.get(id);
          if (avatar) view.remove(avatar);
        }
      }
      const counts = new Map<string, number>();
      for (const t of this.tracks.values()) counts.set(t.areaId, (counts.get(t.areaId) ?? 0) + 1);
      for (const area of deps.hall.layout.areas) {
        const n = counts.get(area.id) ?? 0;
        if (this.state.areaCounts.get(area.id) !== n) this.state.areaCounts.set(area.id, n);
      }
    }
  };
}
