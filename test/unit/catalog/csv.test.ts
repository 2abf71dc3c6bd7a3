import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, writeCsv } from '../../../shared/catalog/csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, remembering start lines', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('drops a BOM and blank lines, keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,,c\n\n,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', ''] },
    ]);
  });

  it('reports broken quoting with the line it happens on', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\nb"c\n')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"b"c\n')).toThrow(/line 2: unexpected character after a closing quote/);
  });

  it('round-trips what writeCsv writes', () => {
    const rows = [
      ['転入届', 'Notification of moving in, "new"'],
      ['a\nb', ''],
    ];
    const parsed = parseCsv(writeCsv(['ja', 'en'], rows));
    expect(parsed.map((r) => r.fields)).toEqual([['ja', 'en'], ...rows]);
  });
});
