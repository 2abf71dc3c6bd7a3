import { useEffect } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { EntryScreen } from '../ui/EntryScreen.tsx';
import { HallScreen } from '../ui/HallScreen.tsx';
import { detectWebgl } from './webgl.ts';

/** Entry first; once a profile is chosen, the hall. The hall decides between the 3D and 2D views. */
export function App() {
  const profile = useAppStore((s) => s.profile);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => {
    const ok = detectWebgl();
    const app = useAppStore.getState();
    app.setWebglAvailable(ok);
    if (!ok) app.setViewMode('2d');
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = lang === 'ja' ? 'バーチャル市役所' : 'Virtual City Hall';
  }, [lang]);

  return profile ? <HallScreen profile={profile} /> : <EntryScreen />;
}
