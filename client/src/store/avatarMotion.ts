/**
 * What the 3D hall last drew of each person (and of ourselves under `self`): walking and where in the
 * walk cycle, waving, away, in uniform. Written by the scene in its frame loop, read by the test hook;
 * kept outside React like the poses.
 */
export interface AvatarMotionReport {
  walking: boolean;
  /** Walk-cycle phase in radians: it advances with the distance walked. */
  phase: number;
  waving: boolean;
  away: boolean;
  /** Drawn in the staff uniform. */
  uniform: boolean;
  sitting: boolean;
}

export const avatarMotion = new Map<string, AvatarMotionReport>();

/**
 * Whether anyone reads the reports: only the test hook does. The scene asks before building one, so a
 * resident's frame loop does no work for it.
 */
export const motionWatched = (): boolean => typeof window !== 'undefined' && window.__cityHall !== undefined;

export function reportMotion(id: string, patch: AvatarMotionReport): void {
  const r = avatarMotion.get(id);
  if (r) Object.assign(r, patch);
  else avatarMotion.set(id, { ...patch });
}
