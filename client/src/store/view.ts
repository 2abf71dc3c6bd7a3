/**
 * Where the 3D camera looks from: turned around the avatar (yaw, radians; 0 looks north, as the plan
 * does) and how close (zoom, 1 = the usual height). A plain object read every frame, like the poses:
 * a drag changes it sixty times a second and nothing in React needs to know.
 */
export const view = {
  yaw: 0,
  zoom: 1,
  /** The 3D view is on screen (the 2D plan is always north-up). */ shown: false,
};
export const ZOOM_RANGE = { min: 0.45, max: 1.8 } as const;

export function turnView(radians: number): void {
  view.yaw = (view.yaw + radians) % (Math.PI * 2);
}

export function zoomView(factor: number): void {
  view.zoom = Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, view.zoom * factor));
}

/** A walking direction on screen (x right, z down) as a direction on the floor, for the current yaw. */
export function screenToFloor(dx: number, dz: number): [number, number] {
  const yaw = view.shown ? view.yaw : 0;
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [dx * c + dz * s, -dx * s + dz * c];
}

/** When the last drag or pinch ended: a finger lifted from a gesture is not a tap to walk. */
export const gesture = { endedAt: 0 };
