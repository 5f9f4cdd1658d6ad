/**
 * Search inside short Chinese (and Latin) text without an extension: a text keeps every
 * character and every pair of neighbouring characters of each word in a `text[]` column with
 * a GIN index; a search term needs all of its pairs (`grams @> term grams`), then the plain
 * text is checked for the whole term. A trigram index cannot serve one- or two-character
 * Chinese terms (toolchain: `pg_trgm` needs three), and `LIKE '%…%'` alone reads every row.
 */

/** NFKC (full-width letters and digits as typed on a phone), lower case, whitespace folded. */
export function searchText(parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words: runs of letters and digits; punctuation, symbols and spaces separate them. */
function words(text: string): string[][] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => [...word]);
}

/** What the index keeps of a text (already `searchText`): each character and each neighbouring pair. */
export function textGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const chars of words(text)) {
    chars.forEach((char, i) => {
      grams.add(char);
      if (i > 0) grams.add(chars[i - 1]! + char);
    });
  }
  return [...grams];
}

/** What a search term needs to be found: its pairs, or its one character. */
export function termGrams(term: string): string[] {
  const grams = new Set<string>();
  for (const chars of words(searchText([term]))) {
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 1; i < chars.length; i++) grams.add(chars[i - 1]! + chars[i]!);
  }
  return [...grams];
}
