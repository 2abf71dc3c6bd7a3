import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
// Text size and contrast are set on <html> before the first screen is drawn.
import './store/displayStore.ts';
import { App } from './app/App.tsx';
import { installTestHook } from './app/testHook.ts';

installTestHook();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Once the first screen is up and the page is idle: the web font is a nicety, not something to wait for.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
whenIdle(() => void import('./fontFaces.ts'), { timeout: 3000 });
