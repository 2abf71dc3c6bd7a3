import { useId, useRef, useState } from 'react';
import {
  SHEET_FILES,
  type CatalogOverview,
  type SheetFile,
  type SheetProblem,
  type SheetSummary,
} from '../../../../shared/protocol/admin.ts';
import { adminActions } from '../../app/adminActions.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/ja.ts';
import { adminErrorText } from './adminErrors.ts';
import { readSheetFiles, type ChosenSheet } from './readSheetFiles.ts';
import type { AdminLoad } from './useAdminLoad.ts';

const SHEET_NAMES: Record<SheetFile, MessageKey> = {
  'departments.csv': 'admin.sheet.departments',
  'procedures.csv': 'admin.sheet.procedures',
  'life_events.csv': 'admin.sheet.lifeEvents',
  'life_event_questions.csv': 'admin.sheet.questions',
  'life_event_rules.csv': 'admin.sheet.rules',
  'faq.csv': 'admin.sheet.faq',
  'shelters.csv': 'admin.sheet.shelters',
  'hotlines.csv': 'admin.sheet.hotlines',
};

type Outcome =
  | { kind: 'problems'; problems: SheetProblem[]; more: number; headline: string; fromServer: boolean }
  | { kind: 'checked' | 'stored'; sheets: SheetSummary[] };

/**
 * The catalogue's eight sheets: download each as stored, upload one or several. The server checks an
 * upload whole against the rest first and stores nothing when anything is wrong; every problem is
 * listed with its file, line and reason (the reasons come from the checker, in English).
 */
export function SheetsSection({
  catalog,
  onChanged,
}: {
  /** The catalogue as stored (the page reads it once; the accounts' department choices use it too). */
  catalog: AdminLoad<CatalogOverview>;
  onChanged: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<ChosenSheet[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const overview = catalog.data;
  const loadProblem = catalog.failed && adminErrorText(catalog.failed.error, t);
  const reload = catalog.reload;

  const choose = async (files: File[]) => {
    setOutcome(null);
    const read = await readSheetFiles(files, (p) =>
      p.kind === 'unknownName'
        ? t('admin.sheets.unknownName', { names: SHEET_FILES.join(', ') })
        : p.kind === 'tooLarge'
          ? t('admin.sheets.tooLarge')
          : t('admin.sheets.notUtf8'),
    );
    setChosen(read.problems.length ? [] : read.sheets);
    if (read.problems.length) {
      setOutcome({
        kind: 'problems',
        problems: read.problems,
        more: 0,
        headline: t('admin.sheets.problemsChosen', { count: read.problems.length }),
        fromServer: false,
      });
    }
  };

  const send = (checkOnly: boolean) => {
    setBusy(true);
    setOutcome(null);
    adminActions
      .uploadSheets({ sheets: chosen, checkOnly })
      .then(
        (answer) => {
          if (!answer.ok) {
            const { problems, more, message } = answer.refusal;
            setOutcome({
              kind: 'problems',
              problems,
              more,
              headline: problems.length
                ? t('admin.sheets.problems', { count: problems.length + more })
                : t('admin.sheets.refused', { reason: message }),
              fromServer: true,
            });
            return;
          }
          const { result } = answer;
          const mine = result.sheets.filter((s) => result.uploaded.includes(s.file));
          setOutcome({ kind: result.stored ? 'stored' : 'checked', sheets: mine });
          if (result.stored) {
            setChosen([]);
            if (input.current) input.current.value = '';
            void reload();
            onChanged();
          }
        },
        (err: unknown) =>
          setOutcome({
            kind: 'problems',
            problems: [],
            more: 0,
            headline: adminErrorText(err, t),
            fromServer: false,
          }),
      )
      .finally(() => setBusy(false));
  };

  const rows = (file: SheetFile) => overview?.sheets.find((s) => s.file === file)?.rows ?? 0;

  return (
    <>
      <p>{t('admin.sheets.lead')}</p>
      {loadProblem && (
        <p role="alert" className="form-error">
          {loadProblem}
        </p>
      )}
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption>{t('admin.sheets.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.sheets.file')}</th>
              <th scope="col">{t('admin.sheets.what')}</th>
              <th scope="col">{t('admin.sheets.rows')}</th>
              <th scope="col">{t('admin.sheets.download')}</th>
            </tr>
          </thead>
          <tbody>
            {SHEET_FILES.map((file) => (
              <tr key={file}>
                <th scope="row">
                  <code>{file}</code>
                </th>
                <td>{t(SHEET_NAMES[file])}</td>
                <td className="admin-number">{overview ? rows(file) : '…'}</td>
                <td>
                  <a href={adminActions.sheetUrl(file)} download={file}>
                    {t('admin.sheets.downloadFile', { file })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form
        className="admin-form"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          send(false);
        }}
      >
        <h3 id={`${id}-h`}>{t('admin.sheets.uploadHeading')}</h3>
        <div className="admin-field">
          <label htmlFor={`${id}-files`}>{t('admin.sheets.choose')}</label>
          <input
            ref={input}
            id={`${id}-files`}
            type="file"
            multiple
            accept=".csv,text/csv"
            aria-describedby={`${id}-files-hint`}
            onChange={(e) => void choose([...(e.target.files ?? [])])}
          />
          <p className="hint" id={`${id}-files-hint`}>
            {t('admin.sheets.chooseHint')}
          </p>
        </div>
        {chosen.length > 0 && (
          <p>{t('admin.sheets.chosen', { files: chosen.map((s) => s.file).join(', ') })}</p>
        )}
        <div className="admin-buttons">
          <button type="button" disabled={busy || chosen.length === 0} onClick={() => send(true)}>
            {t('admin.sheets.check')}
          </button>
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            {t('admin.sheets.upload')}
          </button>
        </div>
        <div aria-live="polite">
          {outcome && outcome.kind !== 'problems' && (
            <div className="admin-ok" role="status">
              <p>{t(outcome.kind === 'stored' ? 'admin.sheets.stored' : 'admin.sheets.checkedOk')}</p>
              <ul>
                {outcome.sheets.map((s) => (
                  <li key={s.file}>{t('admin.sheets.rowsOf', { file: s.file, rows: s.rows })}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {outcome?.kind === 'problems' && (
          <div className="form-error admin-problems" role="alert">
            <p>{outcome.headline}</p>
            {outcome.problems.length > 0 && (
              <ul>
                {outcome.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.file}</code>{' '}
                    {p.line === null ? t('admin.sheets.wholeFile') : t('admin.sheets.line', { line: p.line })}
                    {': '}
                    {/* The checker's reasons are English sentences: read out as English. */}
                    <span lang={outcome.fromServer ? 'en' : undefined}>{p.reason}</span>
                  </li>
                ))}
              </ul>
            )}
            {outcome.more > 0 && <p>{t('admin.sheets.more', { count: outcome.more })}</p>}
          </div>
        )}
      </form>
    </>
  );
}
