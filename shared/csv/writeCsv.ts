import Papa from 'papaparse';
import { FORMULA_START } from './formulaEscape.ts';

/** One cell as callers hand it over; null and undefined become an empty cell. */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark: without it Excel reads UTF-8 Japanese as mojibake. */
  bom?: boolean;
}

/**
 * Writes rows as RFC 4180 CSV (the first row is the header), a line break after every row.
 *
 * Every file we write may be opened in a spreadsheet, so a string cell that begins like a formula gets
 * a leading apostrophe (see formulaEscape.ts). Number cells are written as they are, a negative number
 * included: it is a value the server computed, not text someone typed, and "'-3" would turn it into
 * text that no longer sums.
 *
 * Rows end in LF rather than RFC 4180's CRLF: spreadsheets read both, and the catalogue sheets that are
 * exported, edited and committed back to assets/catalog/ keep the line ends they have in the repository.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const body =
    rows.length === 0
      ? ''
      : Papa.unparse(rows as CsvCell[][], { newline: '\n', escapeFormulae: FORMULA_START }) + '\n';
  return (options.bom ? '\uFEFF' : '') + body;
}
