import { csvField, csvText } from './csv.js';

describe('csvText', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(
      csvText([
        ['姓名', '金额'],
        ['林晓', '¥12.50'],
      ]),
    ).toBe('\uFEFF姓名,金额\r\n林晓,¥12.50\r\n');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    // A leading = + - @ would run as a formula in Excel.
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-5', "'-5"],
    ['@x,y', `"'@x,y"`],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
