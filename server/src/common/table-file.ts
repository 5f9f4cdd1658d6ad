import ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import type { ErrorCode } from '@alumni/shared';
import { AppError } from './app-error.js';

/**
 * Reading the spreadsheets staff upload (the roster, paper questionnaires): CSV in UTF-8 or an
 * XLSX workbook's first sheet, as rows of text cells with the line number the spreadsheet
 * shows. Each importer names its own error codes and row limit; the header's meaning is its own.
 */

/** One row of the file: its line as the spreadsheet shows it, and its cells as text. */
export interface TableRecord {
  line: number;
  cells: string[];
}

/** The error codes an importer answers with, so its messages speak of its own kind of file. */
export interface TableFileErrors {
  typeUnsupported: ErrorCode;
  encodingUnsupported: ErrorCode;
  malformed: ErrorCode;
  tooManyRows: ErrorCode;
}

/**
 * The one normal form of names, numbers and classes, for the roster and for claims alike:
 * full-width letters and digits become ASCII (NFKC), spaces are trimmed and collapsed, so
 * `２０１２０１` typed on a phone matches `201201` in the registrar's file.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A header as people type it: `姓名*`, ` 学 号 ` and `姓名（必填）` all name 姓名. */
export const headerKey = (header: string) =>
  normalizeText(header)
    .replace(/[（(].*?[）)]/g, '')
    .replace(/[\s*]/g, '');

/** Latin-1 letters where Chinese headers should be: a GBK file once opened as Latin-1. */
export const MOJIBAKE = /[\u00c0-\u00ff]{2,}/;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (body: Buffer, bytes: number[]) => bytes.every((byte, i) => body[i] === byte);

/** Control bytes no spreadsheet's text export contains (tab, CR and LF aside). */
const BINARY_BYTE = (byte: number) => byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f;

/** Reads a CSV or XLSX file, refusing files we cannot read with the importer's named errors. */
export async function readTableFile(fileName: string, body: Buffer, errors: TableFileErrors, maxRows: number): Promise<TableRecord[]> {
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(body, errors, maxRows);
  if (startsWith(body, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError(errors.typeUnsupported, [{ field: 'file', issue: 'old .xls workbooks are not supported; save as .xlsx' }]);
  }
  if (/\.xlsx$/i.test(fileName)) {
    throw new AppError(errors.malformed, [{ field: 'file', issue: 'the file is named .xlsx but is not an Excel workbook' }]);
  }
  return readCsv(decodeText(body, errors), errors);
}

/** The "too many rows" refusal, for an importer that counts its data rows itself. */
export function tooManyRows(errors: TableFileErrors, count: number, maxRows: number): never {
  throw new AppError(errors.tooManyRows, [{ field: 'file', issue: `the file has ${count} rows; at most ${maxRows}` }]);
}

/** UTF-8 (with or without BOM) only; GBK, UTF-16 and binary files are refused by name. */
function decodeText(body: Buffer, errors: TableFileErrors): string {
  if (startsWith(body, [0xff, 0xfe]) || startsWith(body, [0xfe, 0xff])) {
    throw new AppError(errors.encodingUnsupported, [{ field: 'file', issue: 'the file is UTF-16; save it as CSV UTF-8' }]);
  }
  const sample = body.subarray(0, 64 * 1024);
  if (sample.some(BINARY_BYTE)) {
    throw new AppError(errors.typeUnsupported, [{ field: 'file', issue: 'the file is neither CSV text nor an .xlsx workbook' }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(startsWith(body, UTF8_BOM) ? body.subarray(3) : body);
  } catch {
    throw new AppError(errors.encodingUnsupported, [
      { field: 'file', issue: 'the file is not UTF-8 (probably GBK); save it as CSV UTF-8 or .xlsx' },
    ]);
  }
  if (text.includes('\uFFFD')) {
    throw new AppError(errors.encodingUnsupported, [
      { field: 'file', issue: 'the file contains replacement characters from an earlier wrong conversion' },
    ]);
  }
  return text;
}

function readCsv(text: string, errors: TableFileErrors): TableRecord[] {
  try {
    const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError(errors.malformed, [{ field: 'file', issue: error.message }]);
    }
    throw error;
  }
}

async function readXlsx(body: Buffer, errors: TableFileErrors, maxRows: number): Promise<TableRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new AppError(errors.malformed, [{ field: 'file', issue: `the workbook cannot be read: ${(error as Error).message}` }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > maxRows + 1) tooManyRows(errors, sheet.rowCount - 1, maxRows);
  const rows: TableRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}
