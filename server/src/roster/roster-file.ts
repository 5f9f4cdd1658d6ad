import ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import { ROSTER_COLUMNS, ROSTER_LIMITS, type RosterColumnKey } from '@alumni/shared';
import { AppError } from '../common/app-error.js';

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

/**
 * The one normal form of names, numbers and classes, for the roster and for claims alike:
 * full-width letters and digits become ASCII (NFKC), spaces are trimmed and collapsed, so
 * `２０１２０１` typed on a phone matches `201201` in the registrar's file.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (body: Buffer, bytes: number[]) => bytes.every((byte, i) => body[i] === byte);

/** Control bytes no spreadsheet's text export contains (tab, CR and LF aside). */
const BINARY_BYTE = (byte: number) => byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f;

/** Reads a CSV or XLSX roster, refusing files we cannot read with a named error. */
export async function parseRosterFile(fileName: string, body: Buffer): Promise<ParsedRosterFile> {
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) return toRows(await readXlsx(body));
  if (startsWith(body, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('ROSTER_FILE_TYPE_UNSUPPORTED', [{ field: 'file', issue: 'old .xls workbooks are not supported; save as .xlsx' }]);
  }
  if (/\.xlsx$/i.test(fileName)) {
    throw new AppError('ROSTER_FILE_MALFORMED', [{ field: 'file', issue: 'the file is named .xlsx but is not an Excel workbook' }]);
  }
  return toRows(readCsv(decodeText(body)));
}

/** UTF-8 (with or without BOM) only; GBK, UTF-16 and binary files are refused by name. */
function decodeText(body: Buffer): string {
  if (startsWith(body, [0xff, 0xfe]) || startsWith(body, [0xfe, 0xff])) {
    throw new AppError('ROSTER_ENCODING_UNSUPPORTED', [{ field: 'file', issue: 'the file is UTF-16; save it as CSV UTF-8' }]);
  }
  const sample = body.subarray(0, 64 * 1024);
  if (sample.some(BINARY_BYTE)) {
    throw new AppError('ROSTER_FILE_TYPE_UNSUPPORTED', [{ field: 'file', issue: 'the file is neither CSV text nor an .xlsx workbook' }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(startsWith(body, UTF8_BOM) ? body.subarray(3) : body);
  } catch {
    throw new AppError('ROSTER_ENCODING_UNSUPPORTED', [
      { field: 'file', issue: 'the file is not UTF-8 (probably GBK); save it as CSV UTF-8 or .xlsx' },
    ]);
  }
  if (text.includes('\uFFFD')) {
    throw new AppError('ROSTER_ENCODING_UNSUPPORTED', [
      { field: 'file', issue: 'the file contains replacement characters from an earlier wrong conversion' },
    ]);
  }
  return text;
}

function readCsv(text: string): { line: number; cells: string[] }[] {
  try {
    const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError('ROSTER_FILE_MALFORMED', [{ field: 'file', issue: error.message }]);
    }
    throw error;
  }
}

async function readXlsx(body: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new AppError('ROSTER_FILE_MALFORMED', [{ field: 'file', issue: `the workbook cannot be read: ${(error as Error).message}` }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > ROSTER_LIMITS.maxRows + 1) tooManyRows(sheet.rowCount - 1);
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

function tooManyRows(count: number): never {
  throw new AppError('ROSTER_TOO_MANY_ROWS', [{ field: 'file', issue: `the file has ${count} rows; at most ${ROSTER_LIMITS.maxRows}` }]);
}

/** A header as people type it: `姓名*`, ` 学 号 ` and `姓名（必填）` all name 姓名. */
const headerKey = (header: string) =>
  normalizeText(header)
    .replace(/[（(].*?[）)]/g, '')
    .replace(/[\s*]/g, '');

/** Latin-1 letters where Chinese headers should be: a GBK file once opened as Latin-1. */
const MOJIBAKE = /[\u00c0-\u00ff]{2,}/;

function toRows(records: { line: number; cells: string[] }[]): ParsedRosterFile {
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
  if (rows.length > ROSTER_LIMITS.maxRows) tooManyRows(rows.length);
  return { rows, ignoredColumns };
}
