import { MAX_SHEET_BYTES, SheetFile, type SheetProblem } from '../../../../shared/protocol/admin.ts';

export interface ChosenSheet {
  file: SheetFile;
  text: string;
}

export type SheetProblemText = { kind: 'unknownName' } | { kind: 'tooLarge' } | { kind: 'notUtf8' };

/**
 * Reads the files an admin chose. What the server would refuse for the file as a whole is found here
 * already, without sending megabytes: a name that is not one of the sheets, a file too large, a file
 * that is not UTF-8 (a spreadsheet's "CSV" in Shift_JIS, a workbook).
 */
export async function readSheetFiles(
  files: readonly File[],
  say: (problem: SheetProblemText) => string,
): Promise<{ sheets: ChosenSheet[]; problems: SheetProblem[] }> {
  const sheets: ChosenSheet[] = [];
  const problems: SheetProblem[] = [];
  for (const f of files) {
    const name = SheetFile.safeParse(f.name);
    if (!name.success) {
      problems.push({ file: f.name, line: null, reason: say({ kind: 'unknownName' }) });
      continue;
    }
    if (f.size > MAX_SHEET_BYTES) {
      problems.push({ file: f.name, line: null, reason: say({ kind: 'tooLarge' }) });
      continue;
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await f.arrayBuffer());
      sheets.push({ file: name.data, text });
    } catch {
      problems.push({ file: f.name, line: null, reason: say({ kind: 'notUtf8' }) });
    }
  }
  return { sheets, problems };
}
