import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
// Text size and contrast are set on <html> before the first screen is drawn.
import './store/displayStore.ts';
import { App } from './app/App.tsx';
import { installTestHook } from './app/testHook.ts';
import { loadDictionary } from './i18n/translate.ts';
import { useAppStore } from './store/appStore.ts';

installTestHook();
// A resident whose language is not built in sees the entrance once its words have arrived (a few KB),
// not a screen of Japanese that turns into their language a moment later.
// On a link too slow to bring them in 5 s, the page starts anyway, in marked Japanese, rather than blank.
void Promise.race([loadDictionary(useAppStore.getState().lang), new Promise((r) => setTimeout(r, 5000))])
  .catch(() => {})
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
// Once the first screen is up and the page is idle: the web font is a nicety, not something to wait for.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
whenIdle(() => void import('./fontFaces.ts'), { timeout: 3000 });
