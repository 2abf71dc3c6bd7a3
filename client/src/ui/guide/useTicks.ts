import { useCallback, useState } from 'react';

/** Ticked checklist items, kept in this browser only (localStorage), per checklist. */
export function useTicks(key: string): { ticked: ReadonlySet<string>; toggle(id: string): void } {
  const storageKey = `city-hall.ticks.${key}`;
  const [ticked, setTicked] = useState<Set<string>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  });
  const toggle = useCallback(
    (id: string) => {
      setTicked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        try {
          localStorage.setItem(storageKey, JSON.stringify([...next]));
        } catch {
          // Storage unavailable: ticks still work for this visit.
        }
        return next;
      });
    },
    [storageKey],
  );
  return { ticked, toggle };
}
