import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { EntryScreen } from '../ui/EntryScreen.tsx';
import { HallScreen } from '../ui/HallScreen.tsx';
import { detectWebgl } from './webgl.ts';
import { SharedChecklistPage } from '../ui/guide/SharedChecklistPage.tsx';
import { parseChecklistHash } from '../ui/guide/checklistLink.ts';
import { StaffSignIn } from '../ui/staff/StaffSignIn.tsx';
import { htmlLangOf } from '../../../shared/i18n/languages.ts';
import { translate } from '../i18n/translate.ts';

// The admin console is for a few people: its code is fetched only when /admin is opened.
const AdminPage = lazy(() => import('../ui/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

const pagePath = () => location.pathname.replace(/\/$/, '');

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
    const title = translate(lang, 'app.title');
    document.title = pagePath() === '/admin' ? `${translate(lang, 'admin.title')} — ${title}` : title;
  }, [lang]);

  // Before the hall: a tab that was in the hall (its profile kept for reloads) may open /admin too.
  if (pagePath() === '/admin') {
    return (
      <Suspense fallback={<p role="status">{translate(lang, 'admin.checking')}</p>}>
        <AdminPage />
      </Suspense>
    );
  }
  if (profile) return <HallScreen profile={profile} />;
  if (pagePath() === '/staff') return <StaffSignIn />;
  if (shared) {
    const done = () => {
      history.replaceState(null, '', location.pathname + location.search);
      setShared(null);
    };
    return <SharedChecklistPage shared={shared} onDone={done} />;
  }
  return <EntryScreen />;
}
