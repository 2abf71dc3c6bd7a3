import { AVATAR_RADIUS, MOVE_BUDGET_CAP } from '../../../shared/constants.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { checkMove } from '../../../shared/sim/moveCheck.ts';
import { isWalkable } from '../../../shared/sim/world.ts';
import type { CorrectionReason, MoveMessage } from '../../../shared/protocol/index.ts';

/** The server's own record of where an avatar is, which the synced state mirrors. */
export interface Track {
  x: number;
  z: number;
  ry: number;
  budget: number;
  lastAt: number;
  areaId: string;
}

export type MoveOutcome =
  { accepted: true; track: Track } | { accepted: false; track: Track; reason: CorrectionReason };

const normaliseAngle = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/** Position authority for the hall: spawning, and accepting or correcting the moves clients claim. */
export function createMovementService(hall: Hall) {
  return {
    /**
     * Picks the spawn point with the fewest people near it, nudged to a free spot so newcomers do not
     * appear inside each other. `occupied` are current positions; `rand` is injectable for tests.
     */
    spawn(
      occupied: ReadonlyArray<{ x: number; z: number }>,
      now: number,
      rand: () => number = Math.random,
    ): Track {
      const crowd = (x: number, z: number) =>
        occupied.filter((p) => Math.hypot(p.x - x, p.z - z) < 1.5).length;
      const points = [...hall.layout.spawnPoints].sort((a, b) => crowd(a[0], a[1]) - crowd(b[0], b[1]));
      const [sx, sz] = points[0]!;
      let x = sx;
      let z = sz;
      for (let attempt = 0; attempt < 12; attempt++) {
        const cx = sx + (rand() - 0.5) * 2;
        const cz = sz + (rand() - 0.5) * 2;
        if (isWalkable(hall.world, cx, cz, AVATAR_RADIUS) && crowd(cx, cz) === 0) {
          x = cx;
          z = cz;
          break;
        }
      }
      return { x, z, ry: Math.PI, budget: MOVE_BUDGET_CAP, lastAt: now, areaId: hall.areaAt(x, z)?.id ?? '' };
    },

    /** Server-decided placement (behind a counter, back from a consultation): no speed check, fresh budget. */
    place(track: Track, at: readonly [number, number], now: number): Track {
      const [x, z] = at;
      return {
        ...track,
        x,
        z,
        budget: MOVE_BUDGET_CAP,
        lastAt: now,
        areaId: hall.areaAt(x, z)?.id ?? track.areaId,
      };
    },

    move(track: Track, msg: MoveMessage, now: number): MoveOutcome {
      const verdict = checkMove(hall.world, track, msg, track.budget, now - track.lastAt);
      if (!verdict.ok) {
        return {
          accepted: false,
          reason: verdict.reason,
          track: { ...track, budget: verdict.budget, lastAt: now },
        };
      }
      return {
        accepted: true,
        track: {
          x: msg.x,
          z: msg.z,
          ry: normaliseAngle(msg.ry),
          budget: verdict.budget,
          lastAt: now,
          areaId: hall.areaAt(msg.x, msg.z)?.id ?? track.areaId,
        },
      };
    },
  };
}
export type MovementService = ReturnType<typeof createMovementService>;
