import { contentDisposition } from './spreadsheet.js';

describe('content-disposition of exports', () => {
  it('keeps a Chinese file name intact, with an ASCII fallback', () => {
    expect(contentDisposition('报名名单-校庆.xlsx')).toBe(
      `attachment; filename="____-__.xlsx"; filename*=UTF-8''${encodeURIComponent('报名名单-校庆.xlsx')}`,
    );
  });

  it('never lets a quote or backslash end the quoted name', () => {
    expect(contentDisposition('a"b\\c.csv')).toBe(`attachment; filename="a_b_c.csv"; filename*=UTF-8''a%22b%5Cc.csv`);
  });
});
