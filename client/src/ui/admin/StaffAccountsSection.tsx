import { useRef, useState } from 'react';
import type { StaffProfile } from '../../../../shared/auth/roles.ts';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import { adminErrorText } from './adminErrors.ts';
import { useAdminLoad } from './useAdminLoad.ts';
import type { DepartmentChoice } from './AccountChoices.tsx';
import { CreateAccountForm } from './CreateAccountForm.tsx';
import { ManageAccount } from './ManageAccount.tsx';

/** Staff accounts: every account with its role, department and state; create one; manage one. */
export function StaffAccountsSection({
  self,
  departments,
  onChanged,
}: {
  self: StaffProfile;
  departments: DepartmentChoice[];
  onChanged: () => void;
}) {
  const { t, tl } = useT();
  const loaded = useAdminLoad(adminActions.accounts);
  const accounts = loaded.data ?? [];
  const problem = loaded.failed && adminErrorText(loaded.failed.error, t);
  const reload = loaded.reload;
  const [managing, setManaging] = useState<number | null>(null);
  const manageButtons = useRef(new Map<number, HTMLButtonElement>());

  const departmentName = (id: string | null) =>
    id === null ? t('admin.noDepartment') : tl(departments.find((d) => d.id === id)?.name ?? { ja: id });
  const changedAccounts = () => {
    void reload();
    onChanged();
  };
  const current = accounts.find((a) => a.id === managing) ?? null;

  return (
    <>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption>{t('admin.accountsCaption', { count: accounts.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.displayName')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.department')}</th>
              <th scope="col">{t('admin.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className={a.disabled ? 'admin-row-disabled' : undefined}>
                <th scope="row">
                  <code>{a.username}</code>
                </th>
                <td>{a.displayName}</td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{departmentName(a.department)}</td>
                <td>{a.disabled ? t('admin.disabled') : t('admin.enabled')}</td>
                <td>
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) manageButtons.current.set(a.id, el);
                      else manageButtons.current.delete(a.id);
                    }}
                    aria-expanded={managing === a.id}
                    aria-controls="admin-manage-account"
                    aria-label={t('admin.manageAccount', { username: a.username })}
                    onClick={() => setManaging(managing === a.id ? null : a.id)}
                  >
                    {t('admin.manage')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && (
        <ManageAccount
          key={current.id}
          account={current}
          self={self}
          departments={departments}
          onChanged={changedAccounts}
          onClose={() => {
            setManaging(null);
            manageButtons.current.get(current.id)?.focus();
          }}
        />
      )}
      <CreateAccountForm departments={departments} onCreated={changedAccounts} />
    </>
  );
}
