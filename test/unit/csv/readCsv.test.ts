import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../shared/csv/readCsv.ts';
import { toCsv } from '../../../shared/csv/writeCsv.ts';
import { unescapeFormula } from '../../../shared/csv/formulaEscape.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, remembering start lines', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('counts physical lines after quoted cells that span several, whatever the line ends', () => {
    const text = 'h1,h2\r\n"a\r\nb\r\nc",d\r\n\r\ne,f\rg,"h\ni"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\nb\nc', 'd'] },
      { line: 6, fields: ['e', 'f'] },
      { line: 7, fields: ['g', 'h\ni'] },
    ]);
  });

  it('drops a BOM and blank lines, keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,,c\n\n,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', ''] },
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('"last"')).toEqual([{ line: 1, fields: ['last'] }]);
  });

  it('reports broken quoting with the line where the quoted field opens', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\n"b"c\n')).toThrow(/^line 2: unexpected character after a closing quote$/);
    expect(() => parseCsv('a\n"two\nlines",x\n"y\n\n"z\n')).toThrow(
      /^line 4: unexpected character after a closing quote$/,
    );
  });

  it('reads a quote inside an unquoted field as text, as spreadsheets do', () => {
    expect(parseCsv('a\nb"c\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b"c'] },
    ]);
  });

  it('refuses a NUL character with its line (a UTF-16 or binary file)', () => {
    expect(() => parseCsv('a,b\n1,\0\n')).toThrow(
      new CsvSyntaxError(2, 'a NUL character; save the sheet as "CSV UTF-8"'),
    );
  });

  it('copes with hostile sizes: 10,000 columns, an unterminated quote at the end of a large file', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    expect(parseCsv(`${wide}\n${wide}\n`).map((r) => r.fields.length)).toEqual([10_000, 10_000]);
    const big = 'a,b,c\n'.repeat(100_000) + '"never closed,' + 'x'.repeat(100_000);
    expect(() => parseCsv(big)).toThrow(new CsvSyntaxError(100_001, 'a quoted field is never closed'));
    const quotes = '"' + 'a"'.repeat(200_000) + ',\n';
    expect(() => parseCsv(quotes)).toThrow(/^line 1: unexpected character after a closing quote$/);
  });

  it('reads back what toCsv writes, and the apostrophe before a formula comes off', () => {
    const rows = [
      ['ja', 'en'],
      ['転入届', 'Notification of moving in, "new"'],
      ['a\nb', ''],
      ['-5%', '=HYPERLINK("x")'],
      ['+81', "'@x"],
    ];
    const parsed = parseCsv(toCsv(rows, { bom: true })).map((r) => r.fields.map(unescapeFormula));
    expect(parsed).toEqual(rows);
  });
});
