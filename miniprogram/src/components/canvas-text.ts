/** Text on a canvas (the donation certificate, a story's poster): lines that fit. */

/** Punctuation that may not begin a line (it stays with what precedes it). */
const CLOSING = /^[，。、；：！？”’）》」』】]/;

/**
 * Breaks text into lines no wider than `maxWidth`: between any two Chinese characters, but
 * never inside a run of Latin letters, digits and amount signs (`¥1,024.00`), and never
 * before closing punctuation.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9¥.,%\-–]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line === '' || measure(candidate) <= maxWidth || CLOSING.test(token)) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}
