/**
 * Spreadsheet formula injection: a cell that begins with =, +, -, @ (or a tab or carriage return
 * before one) is run as a formula when the file is opened, so a comment such as =HYPERLINK(...) could
 * send data elsewhere. Quoting does not help, spreadsheets evaluate quoted cells too; a leading
 * apostrophe makes the spreadsheet show the cell as text.
 *
 * Apostrophes already in front of such a character count as part of the prefix (so "'=x" is written
 * "''=x"): that way removing one apostrophe on import gives back exactly what was exported, whatever
 * the text was. Papaparse's own default pattern ends in `.*$` without the s flag, so it would miss a
 * cell such as "=HYPERLINK(…)" followed by a line break; this one only looks at the start.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Undoes the apostrophe the writer put in front of a formula-like cell, for sheets we read back in
 * (a catalogue text may well start with "-" or "+").
 */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
