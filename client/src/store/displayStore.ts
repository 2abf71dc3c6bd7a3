import { create } from 'zustand';

export type TextSize = 'standard' | 'large' | 'xlarge';
export type Contrast = 'standard' | 'high';
export const TEXT_SIZES: readonly TextSize[] = ['standard', 'large', 'xlarge'];
export const CONTRASTS: readonly Contrast[] = ['standard', 'high'];
/** How much larger text (and the 3D name tags and labels) is drawn than at the standard size. */
export const TEXT_SCALE: Record<TextSize, number> = { standard: 1, large: 1.25, xlarge: 1.5 };

const KEY = 'city-hall.display';

interface Stored {
  textSize?: TextSize;
  contrast?: Contrast;
  furigana?: boolean;
  /** Chosen by the person (on or off); absent when never chosen. */
  light?: boolean;
  /** Switched on by itself because the hall drew too slowly on this device. */
  lightAuto?: boolean;
}

function read(): Stored {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Stored;
    return {
      textSize: TEXT_SIZES.includes(s.textSize!) ? s.textSize : undefined,
      contrast: CONTRASTS.includes(s.contrast!) ? s.contrast : undefined,
      furigana: s.furigana === true,
      light: typeof s.light === 'boolean' ? s.light : undefined,
      lightAuto: s.lightAuto === true,
    };
  } catch {
    return {};
  }
}

/** The system's wish, when the person has not chosen here: more contrast, or forced colours. */
function systemContrast(): Contrast {
  const wants = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return wants('(prefers-contrast: more)') || wants('(forced-colors: active)') ? 'high' : 'standard';
}

/** The page follows the choice through attributes the stylesheet reads (sizes are in rem, from the root). */
function apply(textSize: TextSize, contrast: Contrast): void {
  const root = document.documentElement;
  root.dataset.textSize = textSize;
  root.dataset.contrast = contrast;
}

interface DisplayState {
  textSize: TextSize;
  contrast: Contrast;
  /** Readings over kanji in Japanese and easy-Japanese texts. */
  furigana: boolean;
  /**
   * The 3D hall drawn light (low resolution, no smoothing, fewer labels, far people as pictures). Chosen
   * by the resident, or switched on by itself (`lightenBySelf`) when the hall stays too slow at its
   * lowered resolution; a choice made here wins over the automatic one, in both directions.
   */
  light: boolean;
  /**
   * The person chose on or off (here or on an earlier visit): the hall never switches by itself then.
   * Light without a choice is light that came on by itself.
   */
  lightChosen: boolean;
  setTextSize(size: TextSize): void;
  setContrast(contrast: Contrast): void;
  setFurigana(on: boolean): void;
  setLight(on: boolean): void;
  /** Switches to the light view unless the person chose; says whether it did. Remembered in this browser. */
  lightenBySelf(): boolean;
}

const stored = read();

/**
 * Text size, contrast and furigana, kept in this browser. The standard size is a share of the browser's own
 * default, so a larger system or browser font setting already makes everything larger.
 */
export const useDisplayStore = create<DisplayState>((set, get) => {
  const save = (next: Stored) => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...read(), ...next }));
    } catch {
      // Without storage the choice lasts while the page is open.
    }
  };
  const initial = {
    textSize: stored.textSize ?? 'standard',
    contrast: stored.contrast ?? systemContrast(),
    furigana: stored.furigana ?? false,
    light: stored.light ?? stored.lightAuto ?? false,
    lightChosen: stored.light !== undefined,
  };
  apply(initial.textSize, initial.contrast);
  return {
    ...initial,
    setTextSize: (textSize) => {
      save({ textSize });
      apply(textSize, get().contrast);
      set({ textSize });
    },
    setContrast: (contrast) => {
      save({ contrast });
      apply(get().textSize, contrast);
      set({ contrast });
    },
    setFurigana: (furigana) => {
      save({ furigana });
      set({ furigana });
    },
    setLight: (light) => {
      save({ light, lightAuto: false });
      set({ light, lightChosen: true });
    },
    lightenBySelf: () => {
      // The choice is held here too: where storage does not work it still lasts while the page is open.
      if (get().light || get().lightChosen) return false;
      save({ lightAuto: true });
      set({ light: true });
      return true;
    },
  };
});
