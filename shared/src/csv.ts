/**
 * A table as the CSV file staff open in Excel or WPS: a BOM so Excel reads it as UTF-8, CRLF
 * line ends as Excel writes itself. Both the server's exports and the desk's 导出所选 write it.
 */
export function csvText(lines: string[][]): string {
  return '\uFEFF' + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a field when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
