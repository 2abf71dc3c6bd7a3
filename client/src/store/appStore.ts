import { create } from 'zustand';
import type { AvatarColor, Language } from '../../../shared/constants.ts';
import { AVATAR_COLORS } from '../../../shared/constants.ts';
import { detectLanguage } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/ja.ts';

export type ViewMode = '3d' | '2d';

export interface Profile {
  nickname: string;
  color: AvatarColor;
  /** Entering as signed-in staff: the server gives name, role and uniform from the account. */
  staff?: boolean;
}

interface AppState {
  lang: Language;
  viewMode: ViewMode;
  /** False when the device cannot create a WebGL context: the 2D view is then the only view. */
  webglAvailable: boolean;
  profile: Profile | null;
  /** Why the last attempt to enter failed, shown on the entry screen. */
  joinError: MessageKey | null;
  setJoinError(key: MessageKey | null): void;
  setLang(lang: Language): void;
  setViewMode(mode: ViewMode): void;
  setWebglAvailable(ok: boolean): void;
  setProfile(profile: Profile | null): void;
}

const PREFS_KEY = 'city-hall.prefs';

interface StoredPrefs {
  lang?: Language;
  viewMode?: ViewMode;
  color?: AvatarColor;
}

// Preferences stay in this browser only (language, view, colour); nothing is sent anywhere.
function readPrefs(): StoredPrefs {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as StoredPrefs;
  } catch {
    return {};
  }
}
function writePrefs(p: StoredPrefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...readPrefs(), ...p }));
  } catch {
    // Private mode or storage full: preferences are a convenience, not a requirement.
  }
}

const prefs = readPrefs();

export const useAppStore = create<AppState>((set) => ({
  lang: prefs.lang ?? detectLanguage(),
  viewMode: prefs.viewMode ?? '3d',
  webglAvailable: true,
  profile: null,
  joinError: null,
  setJoinError: (joinError) => set({ joinError }),
  setLang: (lang) => {
    writePrefs({ lang });
    document.documentElement.lang = lang;
    set({ lang });
  },
  setViewMode: (viewMode) => {
    writePrefs({ viewMode });
    set({ viewMode });
  },
  setWebglAvailable: (webglAvailable) => set({ webglAvailable }),
  setProfile: (profile) => {
    if (profile && !profile.staff) writePrefs({ color: profile.color });
    set({ profile });
  },
}));

export function preferredColor(): AvatarColor {
  const c = prefs.color;
  return c && (AVATAR_COLORS as readonly string[]).includes(c) ? c : AVATAR_COLORS[1];
}
