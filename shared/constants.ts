/** Values both sides must agree on. Change them here, never inline. */

/** Walking speed in metres per second (a brisk indoor walk; faster feels like running in a city hall). */
export const WALK_SPEED = 3.2;

/** Avatar body radius in metres; walls and furniture keep this much clearance. */
export const AVATAR_RADIUS = 0.35;

/**
 * Server-side movement allowance. Distance budget refills at WALK_SPEED × SPEED_TOLERANCE per second
 * and is capped at MOVE_BUDGET_CAP metres, so bursts of delayed packets pass but teleports do not.
 */
export const SPEED_TOLERANCE = 1.25;
export const MOVE_BUDGET_CAP = 2.0;

/** How often the client sends its pose (Hz) and the server patches state (ms). */
export const POSE_SEND_HZ = 12;
export const PATCH_INTERVAL_MS = 50;

/** Remote avatars are drawn this far in the past so there are always two samples to interpolate. */
export const INTERPOLATION_DELAY_MS = 150;

/** Default interest radius in metres; the server config can override it. */
export const DEFAULT_INTEREST_RADIUS = 18;

/** Each client receives its nearest this many people in full, and the next ring as markers. */
export const DEFAULT_NEAR_AVATARS = 24;
export const DEFAULT_RING_AVATARS = 48;

/** Positions on the wire lie within ±this many metres of the hall's origin (a layout must fit in it). */
export const POSITION_LIMIT_M = 250;

/** Nickname limits (counted in user-perceived characters). */
export const NICKNAME_MAX = 20;

/** Seconds a dropped client may take to come back into the same avatar. */
export const DEFAULT_RECONNECT_GRACE_S = 30;

/** Avatar colours offered on the entry screen; high-contrast against the light floor. */
export const AVATAR_COLORS = [
  '#d9480f',
  '#1971c2',
  '#2b8a3e',
  '#9c36b5',
  '#e8590c',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
] as const;
export type AvatarColor = (typeof AVATAR_COLORS)[number];

export { LANGUAGES, type Language } from './i18n/languages.ts';

export const ROLES = ['resident', 'staff', 'guide'] as const;
export type Role = (typeof ROLES)[number];

/** Name of the public hall room on the matchmaker. */
export const HALL_ROOM = 'hall';

/** Staff wear one uniform colour so residents can tell them apart at a glance (not offered to residents). */
export const STAFF_UNIFORM_COLOR = '#0b3d5c';

/** Room name of the private consultation rooms. */
export const CONSULTATION_ROOM = 'consultation';
