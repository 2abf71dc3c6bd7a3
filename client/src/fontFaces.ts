// The bundled Japanese web font (Noto Sans JP, split by unicode-range into ~120 subsets per weight). Its
// @font-face rules alone are 200 KB of CSS: they load after the first screen is on display, so the entry
// form never waits for them; until then text uses the device's own Japanese font.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
