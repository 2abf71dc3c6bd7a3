/**
 * Who sees whom. Each observer sees the avatars within `radius`, and keeps seeing them until they are
 * beyond `radius × HYSTERESIS`, so people walking along the edge do not flicker in and out.
 * A spatial hash with cells of the outer radius makes each update O(n × local density), not O(n²).
 */
export const HYSTERESIS = 1.15;

export interface Positioned {
  id: string;
  x: number;
  z: number;
}

export interface VisibilityChange {
  observer: string;
  added: string[];
  removed: string[];
}

export function createInterestService(radius: number) {
  const outer = radius * HYSTERESIS;
  const visible = new Map<string, Set<string>>();

  return {
    radius,
    /** Recomputes visibility for everyone and returns only what changed. `self` is always visible. */
    update(avatars: ReadonlyArray<Positioned>): VisibilityChange[] {
      const cells = new Map<string, Positioned[]>();
      const key = (cx: number, cz: number) => `${cx},${cz}`;
      for (const a of avatars) {
        const k = key(Math.floor(a.x / outer), Math.floor(a.z / outer));
        const list = cells.get(k);
        if (list) list.push(a);
        else cells.set(k, [a]);
      }
      const changes: VisibilityChange[] = [];
      const present = new Set(avatars.map((a) => a.id));
      for (const me of avatars) {
        const before = visible.get(me.id) ?? new Set<string>();
        const after = new Set<string>([me.id]);
        const cx = Math.floor(me.x / outer);
        const cz = Math.floor(me.z / outer);
        for (let dx = -1; dx <= 1; dx++) {
          for (let dz = -1; dz <= 1; dz++) {
            for (const other of cells.get(key(cx + dx, cz + dz)) ?? []) {
              if (other.id === me.id) continue;
              const d = Math.hypot(other.x - me.x, other.z - me.z);
              if (d <= radius || (d <= outer && before.has(other.id))) after.add(other.id);
            }
          }
        }
        const added = [...after].filter((id) => !before.has(id));
        const removed = [...before].filter((id) => !after.has(id) && present.has(id));
        visible.set(me.id, after);
        if (added.length > 0 || removed.length > 0) changes.push({ observer: me.id, added, removed });
      }
      for (const id of [...visible.keys()]) if (!present.has(id)) visible.delete(id);
      return changes;
    },
    forget(id: string): void {
      visible.delete(id);
    },
    visibleTo(id: string): ReadonlySet<string> {
      return visible.get(id) ?? new Set();
    },
  };
}
export type InterestService = ReturnType<typeof createInterestService>;
