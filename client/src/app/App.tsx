import { useEffect, useState } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { EntryScreen } from '../ui/EntryScreen.tsx';
import { HallScreen } from '../ui/HallScreen.tsx';
import { detectWebgl } from './webgl.ts';
import { SharedChecklistPage } from '../ui/guide/SharedChecklistPage.tsx';
import { parseChecklistHash } from '../ui/guide/checklistLink.ts';
import { StaffSignIn } from '../ui/staff/StaffSignIn.tsx';
import { htmlLangOf } from '../../../shared/i18n/languages.ts';
import { translate } from '../i18n/translate.ts';

/** Entry first; once a profile is chosen, the hall. The hall decides between the 3D and 2D views. */
export function App() {
  const profile = useAppStore((s) => s.profile);
  const lang = useAppStore((s) => s.lang);
  const [shared, setShared] = useState(() => parseChecklistHash(location.hash));

  useEffect(() => {
    const ok = detectWebgl();
    const app = useAppStore.getState();
    app.setWebglAvailable(ok);
    if (!ok) app.setViewMode('2d');
  }, []);

  useEffect(() => {
    document.documentElement.lang = htmlLangOf(lang);
    document.title = translate(lang, 'app.title');
  }, [lang]);

  if (profile) return <HallScreen profile={profile} />;
  if (location.pathname.replace(/\/$/, '') === '/staff') return <StaffSignIn />;
  if (shared) {
    const done = () => {
      history.replaceState(null, '', location.pathname + location.search);
      setShared(null);
    };
    return <SharedChecklistPage shared={shared} onDone={done} />;
  }
  return <EntryScreen />;
}
