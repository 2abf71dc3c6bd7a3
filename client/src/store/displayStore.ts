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
  light?: boolean;
}

function read(): Stored {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Stored;
    return {
      textSize: TEXT_SIZES.includes(s.textSize!) ? s.textSize : undefined,
      contrast: CONTRASTS.includes(s.contrast!) ? s.contrast : undefined,
      furigana: s.furigana === true,
      light: s.light === true,
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
   * The 3D hall drawn light (low resolution, no smoothing, fewer labels) whatever the device: chosen by
   * the resident. Without it the hall still lowers its resolution by itself when frames come slowly.
   */
  light: boolean;
  setTextSize(size: TextSize): void;
  setContrast(contrast: Contrast): void;
  setFurigana(on: boolean): void;
  setLight(on: boolean): void;
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
    light: stored.light ?? false,
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
      save({ light });
      set({ light });
    },
  };
});
