import {
  CatalogError,
  readCatalog,
  type CatalogFileKind,
  type CatalogSources,
} from '../../../shared/catalog/catalogCsv.ts';
import { writeCatalog } from '../../../shared/catalog/catalogCsvWrite.ts';
import type { Catalog } from '../../../shared/catalog/catalogSchema.ts';
import {
  MAX_SHEET_BYTES,
  SHEET_FILES,
  type SheetFile,
  type SheetProblem,
  type SheetSummary,
} from '../../../shared/protocol/admin.ts';
import { kindOfFile } from './catalogFiles.ts';

export const kindOfSheet = (file: SheetFile): CatalogFileKind => kindOfFile(file)!;

/** Rows per sheet of a catalogue, as the sheets would have them (questions are rows of their own). */
export function sheetSummaries(c: Catalog): SheetSummary[] {
  const rows: Record<CatalogFileKind, number> = {
    departments: c.departments.length,
    procedures: c.procedures.length,
    lifeEvents: c.lifeEvents.length,
    questions: c.lifeEvents.reduce((n, e) => n + e.questions.length, 0),
    rules: c.rules.length,
    faq: c.faq.length,
    shelters: c.shelters.length,
    hotlines: c.hotlines.length,
  };
  return SHEET_FILES.map((file) => ({ file, rows: rows[kindOfSheet(file)] }));
}

/** Problems with a file as a whole, found before any row is read. */
function fileProblems(file: SheetFile, text: string): SheetProblem[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_SHEET_BYTES) {
    return [{ file, line: null, reason: `larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB` }];
  }
  // A workbook (.xlsx is a zip) or a UTF-16 file sent as text carries NUL characters; no CSV does.
  if (text.includes('\0')) {
    return [{ file, line: null, reason: 'not a text CSV file: save the sheet as "CSV UTF-8"' }];
  }
  return [];
}

/** Problems in sheet order, then line order (a file's whole-file problem first), however found. */
const inReadingOrder = (problems: SheetProblem[]) =>
  problems
    .map((p, i) => ({ p, i, sheet: SHEET_FILES.indexOf(p.file as SheetFile) }))
    .sort((a, b) => a.sheet - b.sheet || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map((x) => x.p);

export type UploadCheck = { ok: true; catalog: Catalog } | { ok: false; problems: SheetProblem[] };

/**
 * The catalogue an upload would make: the uploaded sheets in place of the stored ones, the rest as
 * stored, all read and cross-checked together, so one sheet alone is still checked against the others.
 * Every problem of every sheet is reported; a catalogue comes out only when there are none.
 */
export function checkUpload(
  sheets: readonly { file: SheetFile; text: string }[],
  current: Catalog,
  counterIds: ReadonlySet<string>,
): UploadCheck {
  const problems: SheetProblem[] = [];
  const sources: CatalogSources = writeCatalog(current);
  for (const s of sheets) {
    const wrong = fileProblems(s.file, s.text);
    problems.push(...wrong);
    // A file that is wrong as a whole is not read; the others are still checked, so every problem is
    // listed (the CSV reader drops a spreadsheet's byte order mark).
    if (wrong.length === 0) sources[kindOfSheet(s.file)] = s.text;
  }
  try {
    const catalog = readCatalog(sources, counterIds);
    return problems.length > 0 ? { ok: false, problems: inReadingOrder(problems) } : { ok: true, catalog };
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    problems.push(...err.issues.map((i) => ({ file: i.file, line: i.line, reason: i.message })));
    return { ok: false, problems: inReadingOrder(problems) };
  }
}
