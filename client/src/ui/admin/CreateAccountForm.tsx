import { useId, useState, type FormEvent } from 'react';
import type { StaffRole } from '../../../../shared/auth/roles.ts';
import { DepartmentSelect, RoleSelect } from './AccountChoices.tsx';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import { adminErrorText } from './adminErrors.ts';
import type { DepartmentChoice } from './AccountChoices.tsx';

/** A new staff account: the admin gives its first password to the person, who signs in at /staff. */
export function CreateAccountForm({
  departments,
  onCreated,
}: {
  departments: DepartmentChoice[];
  onCreated: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [department, setDepartment] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFeedback(null);
    adminActions
      .createAccount({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        password,
        department: department || null,
      })
      .then(
        (made) => {
          setFeedback({ ok: true, text: t('admin.created', { username: made.username }) });
          setUsername('');
          setDisplayName('');
          setPassword('');
          onCreated();
        },
        (err: unknown) => setFeedback({ ok: false, text: adminErrorText(err, t) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('admin.createHeading')}</h3>
      <div className="admin-fields">
        <div className="admin-field">
          <label htmlFor={`${id}-user`}>{t('admin.username')}</label>
          <input
            id={`${id}-user`}
            required
            autoComplete="off"
            spellCheck={false}
            pattern="[a-z0-9][a-z0-9._\-]{2,31}"
            aria-describedby={`${id}-user-hint`}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <p className="hint" id={`${id}-user-hint`}>
            {t('admin.usernameHint')}
          </p>
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-name`}>{t('admin.displayName')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={40}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-role`}>{t('admin.role')}</label>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-dep`}>{t('admin.department')}</label>
          <DepartmentSelect
            id={`${id}-dep`}
            value={department}
            departments={departments}
            onChange={setDepartment}
          />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-pass`}>{t('admin.firstPassword')}</label>
          <input
            id={`${id}-pass`}
            type={showPassword ? 'text' : 'password'}
            required
            minLength={10}
            maxLength={200}
            autoComplete="new-password"
            aria-describedby={`${id}-pass-hint`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="hint" id={`${id}-pass-hint`}>
            {t('admin.passwordHint')}
          </p>
          <label className="admin-check">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />{' '}
            {t('admin.showPassword')}
          </label>
        </div>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.create')}
      </button>
      {feedback && (
        <p role={feedback.ok ? 'status' : 'alert'} className={feedback.ok ? 'admin-ok' : 'form-error'}>
          {feedback.text}
        </p>
      )}
    </form>
  );
}
