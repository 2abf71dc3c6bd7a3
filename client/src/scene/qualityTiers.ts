/**
 * The 3D hall's quality tiers, as pixel ratios: full; lowered by itself when frames come slowly; light
 * (also without smoothing, floor labels or far 3D figures), chosen or switched to by itself.
 */
export const FULL_DPR = 1.25;
export const LOWERED_DPR = 0.75;
export const LIGHT_DPR = 0.6;

/** Under this many frames a second for LOWER_SECONDS the resolution is lowered. */
export const LOWER_FPS = 30;
export const LOWER_SECONDS = 3;
/** At this many or more for RAISE_SECONDS it is raised again. */
export const RAISE_FPS = 50;
export const RAISE_SECONDS = 10;
/** Below this many frames a second the hall is hard to walk in: steps jump and turns stutter. */
export const SLOW_FPS = 12;
/** Seconds in a row that slow before switching, so a moment's hitch (a texture, a crowd passing) does not. */
export const SLOW_SECONDS = 6;

/**
 * Most frames a second the stage screen's video asks the hall for (each is the whole hall drawn): enough
 * for a speaker and their slides, half a camera's rate; fewer in the light view.
 */
export const SCREEN_FPS = 15;
export const LIGHT_SCREEN_FPS = 8;
