import { create } from 'zustand';
import type { AnnouncementView } from '../../../shared/protocol/announcements.ts';

const DISMISSED_KEY = 'city-hall.dismissed-announcements';

function readDismissed(): number[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

interface AnnouncementState {
  /** What the hall announces now, emergencies first (from the hall room). */
  current: AnnouncementView[];
  /** Closed by this resident in this tab (never an emergency); kept across a reload of the tab. */
  dismissed: number[];
  setCurrent(list: AnnouncementView[]): void;
  dismiss(id: number): void;
}

export const useAnnouncementStore = create<AnnouncementState>((set) => ({
  current: [],
  dismissed: readDismissed(),
  setCurrent: (current) => set({ current }),
  dismiss: (id) =>
    set((s) => {
      const dismissed = [...s.dismissed.filter((x) => x !== id), id].slice(-50);
      try {
        sessionStorage.setItem(DISMISSED_KEY, JSON.stringify(dismissed));
      } catch {
        // Storage refused (private mode): dismissed for as long as the page is open.
      }
      return { dismissed };
    }),
}));
