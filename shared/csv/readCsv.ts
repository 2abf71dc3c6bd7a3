import Papa from 'papaparse';

/** One row of a CSV file and the line it starts on, for error messages that point into the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

const REASONS: Partial<Record<Papa.ParseError['code'], string>> = {
  MissingQuotes: 'a quoted field is never closed',
  InvalidQuotes: 'unexpected character after a closing quote',
};

/**
 * Reads a clerk's spreadsheet export as it is: quoted fields with commas, doubled quotes and line
 * breaks, CRLF, LF or CR line ends (mixed too), an optional UTF-8 BOM. Blank lines are skipped.
 * Line breaks are read as LF everywhere, inside quoted cells too, so that line numbers count the lines
 * an editor shows. Throws CsvSyntaxError at the first malformed row.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const lineAt = lineCounter(src);
  const nul = src.indexOf('\0');
  // A file saved as UTF-16 ("Unicode text") or a binary file: say so instead of reading noise.
  if (nul !== -1) throw new CsvSyntaxError(lineAt(nul), 'a NUL character; save the sheet as "CSV UTF-8"');

  const records: CsvRecord[] = [];
  let start = 0;
  let failure: CsvSyntaxError | undefined;
  Papa.parse<string[]>(src, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    // Blank lines are dropped here, not by papaparse, so that every row's start offset is known.
    skipEmptyLines: false,
    step: (result, parser) => {
      const error = result.errors[0];
      if (error) {
        // The index papaparse gives is where the quoted field opens, in the whole text.
        failure = new CsvSyntaxError(lineAt(error.index ?? start), REASONS[error.code] ?? error.message);
        parser.abort();
        return;
      }
      const fields = result.data;
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: lineAt(start), fields });
      start = result.meta.cursor;
    },
  });
  if (failure) throw failure;
  return records;
}

/** Line number (from 1) of an offset; offsets must not go backwards, so the whole file is scanned once. */
function lineCounter(src: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (let i = src.indexOf('\n', at); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) line++;
    at = Math.max(at, offset);
    return line;
  };
}
