import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv/writeCsv.ts';
import { unescapeFormula } from '../../../shared/csv/formulaEscape.ts';

const cell = (value: string | number | null | undefined) => toCsv([[value]]).replace(/\n$/, '');

describe('toCsv', () => {
  it.each(['=1+2', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("https://evil.example","x")'])(
    'writes the string %j as text, not a formula',
    (value) => expect(cell(value)).toBe(`"'${value.replace(/"/g, '""')}"`),
  );

  it('also catches a formula followed by a line break', () => {
    expect(cell('=HYPERLINK("x")\nmore')).toBe(`"'=HYPERLINK(""x"")\nmore"`);
  });

  it.each([
    ['', ''],
    ['ふつうの文', 'ふつうの文'],
    ['1+1=2', '1+1=2'],
    ['5', '5'],
    ['a=b', 'a=b'],
    ["it's", "it's"],
    [' -1', '" -1"'],
  ])('leaves %j as it is', (value, written) => expect(cell(value)).toBe(written));

  it('leaves number cells alone, negative ones included', () => {
    expect(toCsv([[-3, 0, 1.5, 45]])).toBe('-3,0,1.5,45\n');
  });

  it('doubles an apostrophe already in front of a formula, so reading it back is exact', () => {
    expect(cell("'=x")).toBe(`"''=x"`);
  });

  it('quotes commas, quotes, line breaks and edge spaces; empty cells for null and undefined', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', ' pad ', null, undefined, '転入届']])).toBe(
      '"a,b","say ""hi""","two\nlines"," pad ",,,転入届\n',
    );
  });

  it('writes the header as the first row and a line break after each row', () => {
    expect(
      toCsv([
        ['name', 'minutes'],
        ['佐藤', 45],
      ]),
    ).toBe('name,minutes\n佐藤,45\n');
    expect(toCsv([])).toBe('');
  });

  it('starts with a byte order mark only when asked', () => {
    expect(toCsv([['名前']], { bom: true })).toBe('\uFEFF名前\n');
    expect(toCsv([['名前']]).startsWith('\uFEFF')).toBe(false);
  });
});

describe('unescapeFormula', () => {
  it.each(['-5%', '+81 3-1234', '=1', '@home', '\tx', '\rx', "'=x", "''-1", 'plain', "'quoted'", "'", ''])(
    'gives back %j after the writer escaped it',
    (value) => {
      const written = cell(value);
      const unquoted = written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
      expect(unescapeFormula(unquoted)).toBe(value);
    },
  );

  it('leaves an apostrophe that is not in front of a formula character', () => {
    expect(unescapeFormula("'quoted'")).toBe("'quoted'");
    expect(unescapeFormula("'\nx")).toBe("'\nx");
  });
});
