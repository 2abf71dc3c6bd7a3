import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditEntry } from '../../../../shared/protocol/admin.ts';
import { localeOf } from '../../../../shared/i18n/languages.ts';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/ja.ts';
import { adminErrorText } from './adminErrors.ts';

const PAGE = 50;

/** A detail written as a JSON object reads as "key: value, …"; anything else as it is. */
function readable(detail: string): string {
  try {
    const value: unknown = JSON.parse(detail);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
  } catch {
    // Plain text.
  }
  return detail;
}
/** The areas the log can be narrowed to (an area matches every action that starts with it). */
const AREAS: [area: string, name: MessageKey][] = [
  ['staff.', 'admin.audit.area.staff'],
  ['catalog.', 'admin.audit.area.catalog'],
  ['layout.', 'admin.audit.area.layout'],
  ['disaster.', 'admin.audit.area.disaster'],
  ['announcement.', 'admin.audit.area.announcement'],
  ['callup.', 'admin.audit.area.callup'],
];

/** Who changed what and when, newest first, a page at a time; narrowed by area and by who. */
export function AuditLogSection({ changes }: { changes: number }) {
  const { t, lang } = useT();
  const id = useId();
  const [area, setArea] = useState('');
  const [actor, setActor] = useState('');
  const [filters, setFilters] = useState({ area: '', actor: '' });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  // Kept as it came and worded at render time: switching the language does not fetch again.
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    (before?: number) => {
      setBusy(true);
      adminActions
        .audit({ limit: PAGE, before, action: filters.area, actor: filters.actor.trim() })
        .then(
          (page) => {
            setEntries((shown) => (before === undefined ? page.entries : [...shown, ...page.entries]));
            setNext(page.next);
            setFailed(null);
          },
          (error: unknown) => setFailed({ error }),
        )
        .finally(() => setBusy(false));
    },
    [filters],
  );
  useEffect(() => load(), [load, changes]);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(localeOf(lang), { dateStyle: 'medium', timeStyle: 'medium' });
  const actionName = (action: string) => {
    const key = `admin.audit.action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };

  return (
    <>
      <form
        className="admin-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ area, actor });
        }}
      >
        <label htmlFor={`${id}-area`}>{t('admin.audit.area')}</label>
        <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">{t('admin.audit.allAreas')}</option>
          {AREAS.map(([value, name]) => (
            <option key={value} value={value}>
              {t(name)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-actor`}>{t('admin.audit.actor')}</label>
        <input
          id={`${id}-actor`}
          value={actor}
          maxLength={64}
          spellCheck={false}
          onChange={(e) => setActor(e.target.value)}
        />
        <button type="submit">{t('admin.audit.filter')}</button>
        <button type="button" onClick={() => load()} disabled={busy}>
          {t('admin.audit.reload')}
        </button>
      </form>
      {failed && (
        <p role="alert" className="form-error">
          {adminErrorText(failed.error, t)}
        </p>
      )}
      <div className="admin-table-wrap">
        <table className="admin-table admin-audit">
          <caption>{t('admin.audit.caption', { count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.subject')}</th>
              <th scope="col">{t('admin.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{when(e.at)}</time>
                </td>
                <td>
                  <code>{e.actor}</code>
                </td>
                <td>{actionName(e.action)}</td>
                <td>{e.subject}</td>
                <td className="admin-detail">{readable(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === 0 && !busy && <p className="muted">{t('admin.audit.empty')}</p>}
      {next !== null && (
        <button type="button" disabled={busy} onClick={() => load(next)}>
          {t('admin.audit.older')}
        </button>
      )}
    </>
  );
}
