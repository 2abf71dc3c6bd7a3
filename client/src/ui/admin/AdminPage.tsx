import { useEffect, useReducer, useState, type ReactNode } from 'react';
import './admin.css';
import { can, type StaffProfile } from '../../../../shared/auth/roles.ts';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/ja.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';
import { FiguresSection } from './FiguresSection.tsx';
import { HallLayoutSection } from './HallLayoutSection.tsx';
import { StaffAccountsSection } from './StaffAccountsSection.tsx';
import { SheetsSection } from './SheetsSection.tsx';
import { AuditLogSection } from './AuditLogSection.tsx';
import { useAdminLoad } from './useAdminLoad.ts';

/**
 * A section of the page: its heading (an h2) and an id the nav list links to. The components inside
 * start at h3.
 */
function AdminSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="admin-section" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** Signed out, or signed in without the admin role: what this page is, and where to sign in. */
function AdminGate({ who }: { who: StaffProfile | null }) {
  const { t } = useT();
  return (
    <main className="entry" id="main">
      <div className="entry-card">
        <h1>{t('admin.title')}</h1>
        <p role="alert" className="form-error">
          {who ? t('admin.notAdmin', { role: t(`role.${who.role}`) }) : t('admin.signedOut')}
        </p>
        <p>
          <a href="/staff">{t('admin.toSignIn')}</a>
        </p>
        <div className="entry-footer">
          <LanguageSelect />
        </div>
      </div>
    </main>
  );
}

const SECTIONS: { id: string; title: MessageKey }[] = [
  { id: 'admin-figures', title: 'admin.figures' },
  { id: 'admin-accounts', title: 'admin.accounts' },
  { id: 'admin-sheets', title: 'admin.sheets' },
  { id: 'admin-hall', title: 'admin.hall.heading' },
  { id: 'admin-audit', title: 'admin.audit' },
];

/**
 * /admin: the admin console. Staff accounts, the catalogue sheets, the hall layout, the figures and
 * the audit log, for admins only (the server checks every request again; this page only decides what
 * to show). Loaded on its own, never in the residents' first download.
 */
export function AdminPage() {
  const { t } = useT();
  const [who, setWho] = useState<StaffProfile | null | undefined>(undefined);
  useEffect(() => {
    void adminActions.whoIsSignedIn().then(setWho);
  }, []);

  if (who === undefined) {
    return (
      <main className="entry" id="main">
        <p role="status">{t('admin.checking')}</p>
      </main>
    );
  }
  if (!who || !can(who.role, 'manageStaff')) return <AdminGate who={who} />;
  return <AdminConsole who={who} />;
}

/** The console itself, for a signed-in admin. */
function AdminConsole({ who }: { who: StaffProfile }) {
  const { t } = useT();
  // Changes made in one section show in the audit log without reloading it by hand.
  const [changes, changed] = useReducer((n: number) => n + 1, 0);
  // The catalogue's sheets and departments, read once: the sheets section and the accounts' department
  // choices show the same, and an upload refreshes both.
  const catalog = useAdminLoad(adminActions.catalog);

  const body: Record<string, ReactNode> = {
    'admin-figures': <FiguresSection />,
    'admin-accounts': (
      <StaffAccountsSection self={who} departments={catalog.data?.departments ?? []} onChanged={changed} />
    ),
    'admin-sheets': <SheetsSection catalog={catalog} onChanged={changed} />,
    'admin-hall': <HallLayoutSection />,
    'admin-audit': <AuditLogSection changes={changes} />,
  };
  return (
    <div className="admin-page">
      <header className="admin-header">
        <h1>{t('admin.title')}</h1>
        <p className="muted">{t('admin.signedInAs', { name: who.displayName, username: who.username })}</p>
        <div className="admin-header-links">
          <a href="/staff">{t('admin.toStaffConsole')}</a>
          <LanguageSelect compact />
        </div>
      </header>
      <nav className="admin-nav" aria-label={t('admin.contents')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="admin-main">
        {SECTIONS.map((s) => (
          <AdminSection key={s.id} id={s.id} title={t(s.title)}>
            {body[s.id]}
          </AdminSection>
        ))}
      </main>
    </div>
  );
}
