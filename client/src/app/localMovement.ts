import { getHall } from '../../../shared/layout/hallLayout.ts';
import { stepMovement, stepTowards } from '../../../shared/sim/movement.ts';
import { findPath } from '../../../shared/sim/pathfinding.ts';
import type { Point } from '../../../shared/sim/geometry.ts';
import { localIntent, localPose, setLocalPose } from '../store/poses.ts';
import { useHallStore } from '../store/hallStore.ts';
import { screenToFloor, turnView, view, zoomView } from '../store/view.ts';

/**
 * Q and E turn the view, - and + zoom: the keyboard's drag and pinch. By the character typed, not the
 * key's place: "+" is Shift+; on a Japanese keyboard and Shift+= on an American one.
 */
const VIEW_KEYS: Record<string, () => void> = {
  q: () => turnView(Math.PI / 8),
  e: () => turnView(-Math.PI / 8),
  '-': () => zoomView(1.15),
  '+': () => zoomView(1 / 1.15),
  '=': () => zoomView(1 / 1.15),
};

const KEY_DIRECTIONS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  KeyW: [0, -1],
  ArrowDown: [0, 1],
  KeyS: [0, 1],
  ArrowLeft: [-1, 0],
  KeyA: [-1, 0],
  ArrowRight: [1, 0],
  KeyD: [1, 0],
};

/**
 * Walking keys act only when focus is on the page itself or inside an element marked data-walk-keys
 * (the 3D view): in forms, lists and buttons the arrow keys keep their usual meaning for keyboard and
 * screen-reader users.
 */
function keysBelongToWalking(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target === document.body) return true;
  return target.closest('[data-walk-keys]') !== null;
}

/** Starts the local avatar's movement loop. Runs without the 3D canvas so the 2D view can walk too. */
export function startLocalMovement(): () => void {
  const hall = getHall();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !keysBelongToWalking(e.target)) return;
    const viewKey = view.shown ? VIEW_KEYS[e.key.toLowerCase()] : undefined;
    if (viewKey) {
      e.preventDefault();
      viewKey();
      return;
    }
    if (!(e.code in KEY_DIRECTIONS)) return;
    e.preventDefault();
    localIntent.keys.add(e.code);
    localIntent.plan = null;
  };
  const onKeyUp = (e: KeyboardEvent) => localIntent.keys.delete(e.code);
  // Keys held while the window loses focus would otherwise keep the avatar walking forever.
  const onBlur = () => localIntent.keys.clear();
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);

  let last = performance.now();
  let frame = 0;
  const tick = (now: number) => {
    // Clamp dt so a backgrounded tab does not produce one huge step when it comes back.
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    advance(hall.world, dt);
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', onBlur);
  };
}

function advance(world: ReturnType<typeof getHall>['world'], dt: number): void {
  let dx = 0;
  let dz = 0;
  for (const k of localIntent.keys) {
    const d = KEY_DIRECTIONS[k];
    if (d) {
      dx += d[0];
      dz += d[1];
    }
  }
  if (dx !== 0 || dz !== 0) {
    // "Up" walks away from the camera, whichever way the view is turned.
    [dx, dz] = screenToFloor(dx, dz);
    const next = stepMovement(world, localPose, dx, dz, dt);
    if (next.x !== localPose.x || next.z !== localPose.z) setLocalPose(next.x, next.z, Math.atan2(dx, dz));
    return;
  }
  const plan = localIntent.plan;
  if (!plan) return;
  const target = plan.waypoints[0];
  if (!target) {
    localIntent.plan = null;
    return;
  }
  const { at, arrived } = stepTowards(world, localPose, target, dt);
  const heading = Math.atan2(target.x - localPose.x, target.z - localPose.z);
  if (at.x !== localPose.x || at.z !== localPose.z) setLocalPose(at.x, at.z, heading);
  if (arrived) {
    plan.waypoints.shift();
    if (plan.waypoints.length === 0) {
      localIntent.plan = null;
      if (plan.label) useHallStore.getState().announce('hall.arrived', { name: plan.label });
      plan.onArrive?.();
    }
  }
}

/** Plans a walk around walls to `target`. Returns false (and announces it) when there is no way there. */
export function walkTo(target: Point, label?: string, face?: Point, onArrive?: () => void): boolean {
  const hall = getHall();
  const path = findPath(hall.world, hall.nav, localPose, target);
  const store = useHallStore.getState();
  if (!path) {
    store.announce('hall.cannotReach');
    return false;
  }
  if (face && path.length > 0) {
    // A short last step towards what we walked to, so the avatar ends up facing the counter.
    const end = path[path.length - 1]!;
    localPose.ry = Math.atan2(face.x - end.x, face.z - end.z);
  }
  localIntent.plan = { waypoints: path, label, onArrive };
  if (label) store.announce('hall.walkingTo', { name: label });
  return true;
}
