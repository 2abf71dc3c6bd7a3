/**
 * Who sees whom, bounded however dense the crowd: each observer sees its `near` nearest avatars in full
 * (at the patch rate), the next `ring` as low-detail markers (at a lower rate), and beyond that only
 * counts. Both within `radius`. A spatial grid keeps the search local: the cells around an observer are
 * scanned ring by ring, and the scan stops as soon as the cells scanned surely hold everyone it needs.
 *
 * Hysteresis: someone already near stays near while within `SLACK` places of the cut, so a shuffling
 * crowd does not churn the selection (each switch re-sends a whole avatar) on every update.
 */
export const SLACK = 4;
/** Grid cell size in metres: a few people per cell in a dense crowd, a handful of cells for the radius. */
export const CELL_M = 2;

export interface Positioned {
  id: string;
  x: number;
  z: number;
}

export interface InterestOptions {
  near: number;
  ring: number;
  radius: number;
}

export interface VisibilityChange {
  observer: string;
  nearAdded: string[];
  nearRemoved: string[];
  ringAdded: string[];
  ringRemoved: string[];
}

interface Selection {
  near: Set<string>;
  ring: Set<string>;
}

const cellOf = (v: number) => Math.floor(v / CELL_M);
// Cells are keyed by one number; the offset keeps coordinates of any sane building positive.
const cellKey = (cx: number, cz: number) => (cx + 32768) * 65536 + (cz + 32768);

export function createInterestService(opts: InterestOptions) {
  const selected = new Map<string, Selection>();
  const want = opts.near + opts.ring + SLACK;
  const maxRing = Math.ceil(opts.radius / CELL_M);
  const radius2 = opts.radius * opts.radius;
  // Reused between updates: candidates as sortable numbers (squared distance in 1e-4 m², then index).
  let keys = new Float64Array(1024);

  /**
   * The nearest candidates around avatar `me` within the radius, nearest first, enough to choose from:
   * indices into `xs`/`zs`. Plain numbers and one native sort, since this runs for everyone 4× a second.
   */
  function candidates(me: number, xs: Float64Array, zs: Float64Array, grid: Map<number, number[]>): number[] {
    const mx = xs[me]!;
    const mz = zs[me]!;
    const cx = cellOf(mx);
    const cz = cellOf(mz);
    let count = 0;
    for (let r = 0; r <= maxRing; r++) {
      for (let dx = -r; dx <= r; dx++) {
        for (let dz = -r; dz <= r; dz++) {
          if (Math.max(Math.abs(dx), Math.abs(dz)) !== r) continue;
          const cell = grid.get(cellKey(cx + dx, cz + dz));
          if (!cell) continue;
          for (const other of cell) {
            if (other === me) continue;
            const ex = xs[other]! - mx;
            const ez = zs[other]! - mz;
            const d2 = ex * ex + ez * ez;
            if (d2 > radius2) continue;
            if (count === keys.length) {
              const grown = new Float64Array(keys.length * 2);
              grown.set(keys);
              keys = grown;
            }
            keys[count++] = Math.floor(d2 * 1e4) * 65536 + other;
          }
        }
      }
      // Everyone within r cells' width is now scanned: stop once that many are close enough.
      if (count >= want) {
        const covered = r * CELL_M * (r * CELL_M) * 1e4 * 65536;
        let within = 0;
        for (let i = 0; i < count; i++) if (keys[i]! < covered) within++;
        if (within >= want) break;
      }
    }
    const ranked = keys.subarray(0, count).sort();
    const out: number[] = [];
    for (let i = 0; i < ranked.length && i < want + SLACK; i++) out.push(ranked[i]! % 65536);
    return out;
  }

  function choose(ranked: readonly string[], before: Selection | undefined): Selection {
    const near = new Set<string>();
    const ring = new Set<string>();
    const nearCut = opts.near;
    const ringCut = opts.near + opts.ring;
    ranked.forEach((id, rank) => {
      const wasNear = before?.near.has(id) ?? false;
      const wasRing = before?.ring.has(id) ?? false;
      if (rank < nearCut || (wasNear && rank < nearCut + SLACK)) near.add(id);
      else if (rank < ringCut || ((wasRing || wasNear) && rank < ringCut + SLACK)) ring.add(id);
    });
    return { near, ring };
  }

  return {
    /**
     * Recomputes the selection of everyone (or of one part of them: those whose index modulo `of` is
     * `part`, so a big crowd can be done in turns) and returns only what changed.
     */
    update(avatars: ReadonlyArray<Positioned>, turn = { part: 0, of: 1 }): VisibilityChange[] {
      const xs = new Float64Array(avatars.length);
      const zs = new Float64Array(avatars.length);
      const grid = new Map<number, number[]>();
      avatars.forEach((a, i) => {
        xs[i] = a.x;
        zs[i] = a.z;
        const k = cellKey(cellOf(a.x), cellOf(a.z));
        const list = grid.get(k);
        if (list) list.push(i);
        else grid.set(k, [i]);
      });
      const changes: VisibilityChange[] = [];
      const present = new Set(avatars.map((a) => a.id));
      const stillHere = (id: string) => present.has(id);
      for (let i = turn.part; i < avatars.length; i += turn.of) {
        const me = avatars[i]!;
        const before = selected.get(me.id);
        const ranked = candidates(i, xs, zs, grid).map((j) => avatars[j]!.id);
        const after = choose(ranked, before);
        selected.set(me.id, after);
        const change: VisibilityChange = {
          observer: me.id,
          nearAdded: [...after.near].filter((id) => !before?.near.has(id)),
          nearRemoved: [...(before?.near ?? [])].filter((id) => !after.near.has(id) && stillHere(id)),
          ringAdded: [...after.ring].filter((id) => !before?.ring.has(id)),
          ringRemoved: [...(before?.ring ?? [])].filter((id) => !after.ring.has(id) && stillHere(id)),
        };
        if (
          change.nearAdded.length ||
          change.nearRemoved.length ||
          change.ringAdded.length ||
          change.ringRemoved.length
        ) {
          changes.push(change);
        }
      }
      if (turn.part === 0) for (const id of [...selected.keys()]) if (!present.has(id)) selected.delete(id);
      return changes;
    },
    forget(id: string): void {
      selected.delete(id);
    },
    nearOf: (id: string): ReadonlySet<string> => selected.get(id)?.near ?? new Set(),
    ringOf: (id: string): ReadonlySet<string> => selected.get(id)?.ring ?? new Set(),
  };
}
export type InterestService = ReturnType<typeof createInterestService>;
