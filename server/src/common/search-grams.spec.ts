import { searchText, termGrams, textGrams } from './search-grams.js';

describe('search grams', () => {
  it('keeps each character and each neighbouring pair of every word', () => {
    expect(textGrams(searchText(['产品 经理', 'AI']))).toEqual(['产', '品', '产品', '经', '理', '经理', 'a', 'i', 'ai']);
  });

  it('finds any part of a word: one character, two, or longer', () => {
    const grams = new Set(textGrams(searchText(['江州科技 Java 后端实习'])));
    for (const term of ['江', '科技', '后端实习', 'java', 'JAVA', 'ａｖ']) {
      expect(
        termGrams(term).every((g) => grams.has(g)),
        term,
      ).toBe(true);
    }
    expect(termGrams('前端').every((g) => grams.has(g))).toBe(false);
  });

  it('reads full-width text as typed on a phone and ignores punctuation', () => {
    expect(searchText(['ＰＭ（产品）'])).toBe('pm(产品)');
    expect(termGrams('产品！')).toEqual(['产品']);
    expect(termGrams('  ')).toEqual([]);
  });
});
