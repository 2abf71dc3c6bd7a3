import { useEffect, useId, useState, type FormEvent } from 'react';
import { enterHallAsStaff, resumeStaffSession, signInStaff } from '../../app/staffSession.ts';
import { useAppStore } from '../../store/appStore.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/ja.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';

/** /staff: sign in with the account an admin created, then enter the hall as staff. */
export function StaffSignIn() {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ key: MessageKey; minutes?: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = useId();
  const passId = useId();
  const joinError = useAppStore((s) => s.joinError);

  const enter = enterHallAsStaff;

  // Already signed in (a reload, or coming back from the hall): offer the hall straight away.
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  useEffect(() => {
    void resumeStaffSession().then(setSignedInAs);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await signInStaff(username.trim(), password);
    setBusy(false);
    if (result.ok) {
      enter(result.profile.displayName);
      return;
    }
    setPassword('');
    if (result.reason === 'locked') {
      setProblem({ key: 'staff.locked', minutes: Math.ceil((result.retryAfterS ?? 60) / 60) });
    } else setProblem({ key: result.reason === 'network' ? 'joinError.network' : 'staff.invalid' });
  };

  return (
    <main className="entry" id="main">
      <div className="entry-card">
        <h1>{t('staff.signInHeading')}</h1>
        <p className="lead">{t('staff.signInLead')}</p>
        {(problem || joinError) && (
          <p className="form-error" role="alert">
            {problem ? t(problem.key, { minutes: problem.minutes ?? 0 }) : t(joinError!)}
          </p>
        )}
        {signedInAs ? (
          <>
            <p>{t('staff.signedInAs', { name: signedInAs })}</p>
            <button type="button" className="primary" onClick={() => enter(signedInAs)}>
              {t('staff.enterHall')}
            </button>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <div className="field">
              <label htmlFor={userId}>{t('staff.username')}</label>
              <input
                id={userId}
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor={passId}>{t('staff.password')}</label>
              <input
                id={passId}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('staff.signIn')}
            </button>
          </form>
        )}
        <div className="entry-footer">
          <LanguageSelect />
          <a href="/">{t('staff.residentEntrance')}</a>
        </div>
      </div>
    </main>
  );
}
