import { useEffect, useId, useState, type FormEvent } from 'react';
import type { LayoutDraftView } from '../../../../shared/protocol/hallLayout.ts';
import type { HallLayout } from '../../../../shared/layout/layoutSchema.ts';
import { adminActions } from '../../app/adminActions.ts';
import { adminErrorText } from './adminErrors.ts';
import { useT } from '../../i18n/useT.ts';
import { PlanAreaLabels, PlanShapes } from '../PlanShapes.tsx';
import { layoutChangeText } from './layoutChangeText.ts';

type Outcome = { kind: 'live'; version: string } | { kind: 'failed'; message: string } | null;

/**
 * Admins change the hall plan without a rebuild: download the plan in use, upload an edited one, see
 * every problem (file path and reason) or a preview with what changes, and only then put it live.
 */
export function HallLayoutSection() {
  const { t, tl } = useT();
  const fileId = useId();
  const [inUse, setInUse] = useState<{ layout: HallLayout; version: string } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<LayoutDraftView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const refresh = () => adminActions.planInUse().then(setInUse, () => setInUse(null));
  useEffect(() => void refresh(), []);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setConfirming(false);
    try {
      setDraft(await adminActions.uploadLayout({ fileName: file.name, text: await file.text() }));
    } catch (err) {
      setDraft(null);
      setOutcome({ kind: 'failed', message: adminErrorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const putLive = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const { version } = await adminActions.putLayoutLive(draft.id);
      setOutcome({ kind: 'live', version });
      setDraft(null);
      setConfirming(false);
      await refresh();
    } catch (err) {
      setOutcome({ kind: 'failed', message: adminErrorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const preview = draft?.layout;
  const b = preview?.bounds;
  return (
    <>
      <p>{t('admin.hall.intro')}</p>
      {inUse && (
        <p>
          {t('admin.hall.inUse', { name: tl(inUse.layout.name), version: inUse.version })}{' '}
          <a href={adminActions.layoutUrl} download>
            {t('admin.hall.download')}
          </a>
        </p>
      )}
      <form onSubmit={(e) => void check(e)} className="admin-upload">
        <label htmlFor={fileId}>{t('admin.hall.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setDraft(null);
          }}
        />
        <button type="submit" disabled={!file || busy}>
          {t('admin.hall.check')}
        </button>
      </form>
      {outcome?.kind === 'failed' && (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'live' && (
        <p role="status" className="admin-ok">
          {t('admin.hall.liveDone', { version: outcome.version })}
        </p>
      )}
      {draft && draft.problems.length > 0 && (
        <div role="alert" className="admin-problems">
          <h3>{t('admin.hall.problems', { file: draft.fileName, count: draft.problems.length })}</h3>
          <ul>
            {draft.problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {p.reason}
              </li>
            ))}
          </ul>
          <p>{t('admin.hall.nothingChanged')}</p>
        </div>
      )}
      {preview && b && draft && (
        <div className="admin-preview">
          <h3>{t('admin.hall.preview', { file: draft.fileName })}</h3>
          <svg
            role="img"
            aria-label={t('admin.hall.previewLabel', {
              name: tl(preview.name),
              counters: preview.counters.length,
            })}
            viewBox={`${b.minX} ${b.minZ} ${b.maxX - b.minX} ${b.maxZ - b.minZ}`}
            className="plan-preview"
          >
            <PlanShapes layout={preview} statusOf={() => 'open'} />
            <PlanAreaLabels layout={preview} />
          </svg>
          <h4>{t('admin.hall.changes')}</h4>
          {draft.changes.length === 0 ? (
            <p>{t('admin.hall.noChanges')}</p>
          ) : (
            <ul className="admin-changes">
              {draft.changes.map((c, i) => (
                <li key={i}>{layoutChangeText({ t, tl }, c, [preview, inUse?.layout])}</li>
              ))}
            </ul>
          )}
          {draft.id === 0 ? null : !confirming ? (
            <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
              {t('admin.hall.putLive')}
            </button>
          ) : (
            <p role="group" aria-label={t('admin.hall.putLive')}>
              {t('admin.hall.confirm')}{' '}
              <button type="button" onClick={() => void putLive()} disabled={busy}>
                {t('admin.hall.confirmYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('admin.hall.confirmNo')}
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
