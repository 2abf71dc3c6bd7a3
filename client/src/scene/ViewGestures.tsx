import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { gesture, turnView, view, zoomView } from '../store/view.ts';

/** Pixels a finger or the mouse moves before a press counts as a drag rather than a tap. */
const DRAG_SLOP = 10;
const TURN_PER_PIXEL = 0.008;

/**
 * Touch and mouse on the 3D view: drag to turn, pinch (or the wheel) to zoom; a tap still walks (the
 * floor's click). The canvas takes every touch (touch-action: none), so the page does not scroll or
 * zoom under a gesture; the panels around it scroll as usual.
 */
export function ViewGestures() {
  const el = useThree((s) => s.gl.domElement);
  useEffect(() => {
    view.shown = true;
    el.style.touchAction = 'none';
    const points = new Map<number, { x: number; y: number; startX: number; startY: number }>();
    let dragging = false;
    const spread = () => {
      const [a, b] = [...points.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    const down = (e: PointerEvent) => {
      points.set(e.pointerId, { x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY });
      if (points.size > 1) dragging = true;
    };
    const move = (e: PointerEvent) => {
      const p = points.get(e.pointerId);
      if (!p) return;
      const before = spread();
      const dx = e.clientX - p.x;
      p.x = e.clientX;
      p.y = e.clientY;
      if (points.size >= 2) {
        const after = spread();
        if (before > 0 && after > 0) zoomView(before / after);
        return;
      }
      if (!dragging && Math.hypot(p.x - p.startX, p.y - p.startY) > DRAG_SLOP) dragging = true;
      if (dragging) turnView(-dx * TURN_PER_PIXEL);
    };
    const up = (e: PointerEvent) => {
      if (!points.delete(e.pointerId)) return;
      if (dragging) gesture.endedAt = performance.now();
      if (points.size === 0) dragging = false;
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomView(Math.exp(e.deltaY * 0.001));
    };
    el.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      view.shown = false;
      el.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [el]);
  return null;
}
