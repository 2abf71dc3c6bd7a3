import { useCallback, useState } from 'react';

function readTicks(storageKey: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** Ticked checklist items, kept in this browser only (localStorage), per checklist. */
export function useTicks(key: string): { ticked: ReadonlySet<string>; toggle(id: string): void } {
  const storageKey = `city-hall.ticks.${key}`;
  // The checklist often arrives after the first render (a shared link fetches it), so the ticks are
  // re-read whenever the key changes rather than only once at mount.
  const [state, setState] = useState(() => ({ storageKey, ticked: readTicks(storageKey) }));
  const current = state.storageKey === storageKey ? state : { storageKey, ticked: readTicks(storageKey) };
  if (current !== state) setState(current);
  const toggle = useCallback(
    (id: string) => {
      setState((prev) => {
        const base = prev.storageKey === storageKey ? prev.ticked : readTicks(storageKey);
        const next = new Set(base);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        try {
          localStorage.setItem(storageKey, JSON.stringify([...next]));
        } catch {
          // Storage unavailable: ticks still work for this visit.
        }
        return { storageKey, ticked: next };
      });
    },
    [storageKey],
  );
  return { ticked: current.ticked, toggle };
}
