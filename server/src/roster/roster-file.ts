import { ROSTER_COLUMNS, ROSTER_LIMITS, type RosterColumnKey } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import {
  headerKey,
  MOJIBAKE,
  normalizeText,
  readTableFile,
  type TableFileErrors,
  type TableRecord,
  tooManyRows,
} from '../common/table-file.js';

/** One data row of a roster file: its line as the spreadsheet shows it, and its cells by column. */
export interface RawRosterRow {
  line: number;
  cells: Record<RosterColumnKey, string>;
}

export interface ParsedRosterFile {
  rows: RawRosterRow[];
  /** Header columns the template does not have. */
  ignoredColumns: string[];
}

/**
 * A valid row as the commit's `jsonb_to_recordset` reads it: keys are the roster_entries
 * column names, so the insert is one SQL statement over the staged JSON.
 */
export interface StagedRosterRow {
  student_number: string;
  name: string;
  graduation_year: number;
  department_id: string;
  major: string | null;
  class_name: string | null;
  degree: string | null;
}

const ROSTER_FILE_ERRORS: TableFileErrors = {
  typeUnsupported: 'ROSTER_FILE_TYPE_UNSUPPORTED',
  encodingUnsupported: 'ROSTER_ENCODING_UNSUPPORTED',
  malformed: 'ROSTER_FILE_MALFORMED',
  tooManyRows: 'ROSTER_TOO_MANY_ROWS',
};

/** Reads a CSV or XLSX roster, refusing files we cannot read with a named error. */
export async function parseRosterFile(fileName: string, body: Buffer): Promise<ParsedRosterFile> {
  return toRows(await readTableFile(fileName, body, ROSTER_FILE_ERRORS, ROSTER_LIMITS.maxRows));
}

function toRows(records: TableRecord[]): ParsedRosterFile {
  const [header, ...data] = records;
  if (!header) throw new AppError('ROSTER_FILE_EMPTY', [{ field: 'file', issue: 'the file has no header row' }]);
  const indexByKey = new Map<RosterColumnKey, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((text, index) => {
    const column = ROSTER_COLUMNS.find((c) => c.header === headerKey(text));
    if (column === undefined) {
      if (normalizeText(text) !== '') ignoredColumns.push(normalizeText(text));
    } else if (indexByKey.has(column.key)) {
      throw new AppError('ROSTER_HEADERS_INVALID', [{ field: column.header, issue: `the column ${column.header} appears twice` }]);
    } else {
      indexByKey.set(column.key, index);
    }
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !indexByKey.has(c.key));
  if (missing.length > 0) {
    if (header.cells.some((text) => MOJIBAKE.test(text))) {
      throw new AppError('ROSTER_ENCODING_UNSUPPORTED', [
        { field: 'file', issue: 'the headers are garbled (a GBK file converted wrongly); save as CSV UTF-8 or .xlsx' },
      ]);
    }
    throw new AppError(
      'ROSTER_HEADERS_INVALID',
      missing.map((c) => ({ field: c.header, issue: `the header row lacks the column ${c.header}` })),
    );
  }
  const rows = data
    .map(({ line, cells }) => ({
      line,
      cells: Object.fromEntries(
        ROSTER_COLUMNS.map(({ key }) => {
          const index = indexByKey.get(key);
          return [key, index === undefined ? '' : normalizeText(cells[index] ?? '')];
        }),
      ) as Record<RosterColumnKey, string>,
    }))
    .filter((row) => Object.values(row.cells).some((cell) => cell !== ''));
  if (rows.length === 0) throw new AppError('ROSTER_FILE_EMPTY', [{ field: 'file', issue: 'the file has a header row but no data rows' }]);
  if (rows.length > ROSTER_LIMITS.maxRows) tooManyRows(ROSTER_FILE_ERRORS, rows.length, ROSTER_LIMITS.maxRows);
  return { rows, ignoredColumns };
}
