import type { StateView } from '@colyseus/schema';
import type { Area } from '../../../../shared/layout/layoutSchema.ts';
import type { HallState } from '../../../../shared/state/hallState.ts';
import type { InterestService } from '../../services/interestService.ts';
import type { Track } from '../../services/movementService.ts';
import type { PoseChannel } from './poseChannel.ts';

/**
 * Brings every observer's view up to date with who is near them (their avatars in full; the outer ring
 * goes out as markers by the pose channel), and recounts the people in each area, writing only counts
 * that changed. Staff are in every view anyway, so the selection is among residents.
 */
export function refreshInterest(
  interest: InterestService,
  tracks: ReadonlyMap<string, Track>,
  isStaff: (sessionId: string) => boolean,
  state: HallState,
  areas: readonly Area[],
  viewOf: (sessionId: string) => StateView | undefined,
  poses: PoseChannel,
  turn: { part: number; of: number } = { part: 0, of: 1 },
): void {
  const positions: { id: string; x: number; z: number }[] = [];
  for (const [id, t] of tracks) if (!isStaff(id)) positions.push({ id, x: t.x, z: t.z });
  for (const change of interest.update(positions, turn)) {
    const view = viewOf(change.observer);
    if (!view) continue;
    for (const id of change.nearRemoved) {
      const a = state.avatars.get(id);
      if (a) view.remove(a);
      poses.unseen(change.observer, id);
    }
    for (const id of change.nearAdded) {
      const a = state.avatars.get(id);
      if (a) view.add(a);
    }
  }
  if (turn.part !== 0) return;
  const counts = new Map<string, number>();
  for (const t of tracks.values()) counts.set(t.areaId, (counts.get(t.areaId) ?? 0) + 1);
  for (const area of areas) {
    const n = counts.get(area.id) ?? 0;
    if (state.areaCounts.get(area.id) !== n) state.areaCounts.set(area.id, n);
  }
}
