/**
 * RFC 4180 CSV, read and written by hand so a clerk's spreadsheet export imports as it is: quoted
 * fields with commas, doubled quotes and line breaks, CRLF or LF, an optional UTF-8 BOM.
 * Each record remembers the line it starts on, for error messages that point into the file.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedLine = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is not a record; spreadsheets often leave one at the end.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'unexpected character after a closing quote');
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field.length > 0) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      inQuotes = true;
      quotedLine = line;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(quotedLine, 'a quoted field is never closed');
  if (field.length > 0 || fields.length > 0) endRecord();
  return records;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

/**
 * For files people open in a spreadsheet: a cell that begins like a formula (=, +, -, @, or a tab or
 * carriage return before one) gets a leading apostrophe, so the spreadsheet shows it as text instead
 * of running it (a comment such as =HYPERLINK(...) would otherwise send data elsewhere). Quoting alone
 * does not do this: spreadsheets evaluate quoted cells too.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
