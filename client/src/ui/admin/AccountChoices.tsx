import { StaffRole } from '../../../../shared/auth/roles.ts';
import { useT } from '../../i18n/useT.ts';
import type { CatalogOverview } from '../../../../shared/protocol/admin.ts';

/** A department an account's call-ups can come from. */
export type DepartmentChoice = CatalogOverview['departments'][number];

/** The roles an account may have, by their names in the reader's language. */
export function RoleSelect({
  id,
  value,
  disabled,
  onChange,
}: {
  id: string;
  value: StaffRole;
  disabled?: boolean;
  onChange: (role: StaffRole) => void;
}) {
  const { t } = useT();
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as StaffRole)}>
      {StaffRole.options.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

/** The catalogue's departments, or none ('' stands for no department). */
export function DepartmentSelect({
  id,
  value,
  departments,
  onChange,
}: {
  id: string;
  value: string;
  departments: DepartmentChoice[];
  onChange: (department: string) => void;
}) {
  const { t, tl } = useT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('admin.noDepartment')}</option>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {tl(d.name)}
        </option>
      ))}
    </select>
  );
}
