import { create } from 'zustand';
import type { AvatarColor, Language } from '../../../shared/constants.ts';
import { AVATAR_COLORS } from '../../../shared/constants.ts';
import { detectLanguage, loadDictionary } from '../i18n/translate.ts';
import { isLanguage } from '../../../shared/i18n/languages.ts';
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
let langChoice = 0;

const PROFILE_KEY = 'city-hall.profile';
// The profile lasts for this tab (sessionStorage): a reload, even in the middle of a consultation, goes
// straight back in; a new tab or "leave" starts at the entrance.
function readProfile(): Profile | null {
  try {
    const p = JSON.parse(sessionStorage.getItem(PROFILE_KEY) ?? 'null') as Profile | null;
    return p && typeof p.nickname === 'string' && (AVATAR_COLORS as readonly string[]).includes(p.color)
      ? { nickname: p.nickname, color: p.color, ...(p.staff ? { staff: true } : {}) }
      : null;
  } catch {
    return null;
  }
}
function writeProfile(p: Profile | null): void {
  try {
    if (p) sessionStorage.setItem(PROFILE_KEY, JSON.stringify(p));
    else sessionStorage.removeItem(PROFILE_KEY);
  } catch {
    // Without storage a reload starts at the entrance.
  }
}

export const useAppStore = create<AppState>((set) => ({
  lang: isLanguage(prefs.lang) ? prefs.lang : detectLanguage(),
  viewMode: prefs.viewMode ?? '3d',
  webglAvailable: true,
  profile: readProfile(),
  joinError: null,
  setJoinError: (joinError) => set({ joinError }),
  setLang: (lang) => {
    writePrefs({ lang });
    // The page switches once the words are there, never to a half-empty screen; of two quick choices
    // the last one wins, and a dictionary that cannot be fetched leaves the page in its language.
    const choice = ++langChoice;
    loadDictionary(lang).then(
      () => {
        if (choice === langChoice) set({ lang });
      },
      () => {
        if (choice === langChoice) writePrefs({ lang: useAppStore.getState().lang });
      },
    );
  },
  setViewMode: (viewMode) => {
    writePrefs({ viewMode });
    set({ viewMode });
  },
  setWebglAvailable: (webglAvailable) => set({ webglAvailable }),
  setProfile: (profile) => {
    if (profile && !profile.staff) writePrefs({ color: profile.color });
    writeProfile(profile);
    set({ profile });
  },
}));

export function preferredColor(): AvatarColor {
  const c = prefs.color;
  return c && (AVATAR_COLORS as readonly string[]).includes(c) ? c : AVATAR_COLORS[1];
}
