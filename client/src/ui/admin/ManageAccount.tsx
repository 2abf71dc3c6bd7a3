import { useEffect, useId, useRef, useState } from 'react';
import type { StaffProfile, StaffRole } from '../../../../shared/auth/roles.ts';
import { DepartmentSelect, RoleSelect } from './AccountChoices.tsx';
import type { PasswordReset, StaffAccountView } from '../../../../shared/protocol/admin.ts';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import { adminErrorText } from './adminErrors.ts';
import type { DepartmentChoice } from './AccountChoices.tsx';

/**
 * One account's changes: role, department, sign out everywhere, a new password (made by the server and
 * shown here once), disable or enable. Admins cannot do these to their own account (the server refuses
 * too), so nobody locks themselves out; the server also keeps the last enabled admin.
 */
export function ManageAccount({
  account,
  self,
  departments,
  onChanged,
  onClose,
}: {
  account: StaffAccountView;
  self: StaffProfile;
  departments: DepartmentChoice[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [department, setDepartment] = useState(account.department ?? '');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const [busy, setBusy] = useState(false);
  const own = account.id === self.id;
  const name = account.username;

  useEffect(() => heading.current?.focus(), []);

  const act = (run: () => Promise<unknown>, done: string, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setFeedback(null);
    setReset(null);
    run()
      .then(
        (result) => {
          setFeedback({ ok: true, text: done });
          if (result && typeof result === 'object' && 'password' in result) setReset(result as PasswordReset);
          onChanged();
        },
        (err: unknown) => setFeedback({ ok: false, text: adminErrorText(err, t) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="admin-manage" id="admin-manage-account" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('admin.manageHeading', { username: name, name: account.displayName })}
      </h3>
      {own && <p className="muted">{t('admin.ownAccountNote')}</p>}
      <form
        className="admin-inline"
        onSubmit={(e) => {
          e.preventDefault();
          act(() => adminActions.setRole(account.id, role), t('admin.roleChanged', { username: name }));
        }}
      >
        <label htmlFor={`${id}-role`}>{t('admin.role')}</label>
        <RoleSelect id={`${id}-role`} value={role} disabled={own} onChange={setRole} />
        <button type="submit" disabled={own || busy || role === account.role}>
          {t('admin.changeRole')}
        </button>
      </form>
      <form
        className="admin-inline"
        onSubmit={(e) => {
          e.preventDefault();
          act(
            () => adminActions.setDepartment(account.id, department || null),
            t('admin.departmentChanged', { username: name }),
          );
        }}
      >
        <label htmlFor={`${id}-dep`}>{t('admin.department')}</label>
        <DepartmentSelect
          id={`${id}-dep`}
          value={department}
          departments={departments}
          onChange={setDepartment}
        />
        <button type="submit" disabled={busy || department === (account.department ?? '')}>
          {t('admin.changeDepartment')}
        </button>
      </form>
      <div className="admin-buttons">
        <button
          type="button"
          disabled={own || busy}
          onClick={() =>
            act(
              () => adminActions.signOutEverywhere(account.id),
              t('admin.signedOutEverywhere', { username: name }),
              t('admin.confirmSignOut', { username: name }),
            )
          }
        >
          {t('admin.signOutEverywhere')}
        </button>
        <button
          type="button"
          disabled={own || busy}
          onClick={() =>
            act(
              () => adminActions.resetPassword(account.id),
              t('admin.passwordWasReset', { username: name }),
              t('admin.confirmReset', { username: name }),
            )
          }
        >
          {t('admin.resetPassword')}
        </button>
        {account.disabled ? (
          <button
            type="button"
            disabled={own || busy}
            onClick={() =>
              act(() => adminActions.enable(account.id), t('admin.wasEnabled', { username: name }))
            }
          >
            {t('admin.enable')}
          </button>
        ) : (
          <button
            type="button"
            className="danger-outline"
            disabled={own || busy}
            onClick={() =>
              act(
                () => adminActions.disable(account.id),
                t('admin.wasDisabled', { username: name }),
                t('admin.confirmDisable', { username: name }),
              )
            }
          >
            {t('admin.disable')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('admin.close')}
        </button>
      </div>
      {feedback && (
        <p role={feedback.ok ? 'status' : 'alert'} className={feedback.ok ? 'admin-ok' : 'form-error'}>
          {feedback.text}
        </p>
      )}
      {reset && (
        <div className="admin-password">
          <p>{t('admin.newPasswordOnce', { username: reset.username })}</p>
          <p>
            {t('admin.newPassword')} <code className="admin-password-value">{reset.password}</code>{' '}
            <button type="button" onClick={() => void navigator.clipboard?.writeText(reset.password)}>
              {t('admin.copy')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
