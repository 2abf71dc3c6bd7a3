import type { StateView } from '@colyseus/schema';
import type { Area } from '../../../../shared/layout/layoutSchema.ts';
import type { HallState } from '../../../../shared/state/hallState.ts';
import type { InterestService } from '../../services/interestService.ts';
import type { Track } from '../../services/movementService.ts';

/**
 * Brings every observer's view up to date with who is near them (staff stay visible to everyone) and
 * recounts the people in each area, writing only counts that changed.
 */
export function refreshInterest(
  interest: InterestService,
  tracks: Map<string, Track>,
  state: HallState,
  areas: readonly Area[],
  viewOf: (sessionId: string) => StateView | undefined,
): void {
  const positions = [...tracks].map(([id, t]) => ({ id, x: t.x, z: t.z }));
  for (const change of interest.update(positions)) {
    const view = viewOf(change.observer);
    if (!view) continue;
    for (const id of change.added) {
      const avatar = state.avatars.get(id);
      if (avatar) view.add(avatar);
    }
    for (const id of change.removed) {
      const avatar = state.avatars.get(id);
      if (avatar && avatar.role !== 'staff') view.remove(avatar);
    }
  }
  const counts = new Map<string, number>();
  for (const t of tracks.values()) counts.set(t.areaId, (counts.get(t.areaId) ?? 0) + 1);
  for (const area of areas) {
    const n = counts.get(area.id) ?? 0;
    if (state.areaCounts.get(area.id) !== n) state.areaCounts.set(area.id, n);
  }
}
