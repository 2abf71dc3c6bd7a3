import { useEffect, useState } from 'react';
import { adminActions } from '../../app/adminActions.ts';
import type { CatalogOverview } from '../../../../shared/protocol/admin.ts';

export type DepartmentChoice = CatalogOverview['departments'][number];

/** The catalogue's departments, for choosing whose call-ups reach an account. */
export function useDepartments(): DepartmentChoice[] {
  const [departments, setDepartments] = useState<DepartmentChoice[]>([]);
  useEffect(() => {
    void adminActions.catalog().then(
      (c) => setDepartments(c.departments),
      () => setDepartments([]),
    );
  }, []);
  return departments;
}
