import { csvText } from '@alumni/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';

export const SPREADSHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** `?format=csv|xlsx` of an export. */
export class SpreadsheetQueryDto {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS)
  format: SpreadsheetFormat = 'csv';
}

export interface SpreadsheetFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface SpreadsheetInput {
  /** File name without extension. */
  basename: string;
  sheetName: string;
  header: string[];
  rows: string[][];
  format: SpreadsheetFormat;
}

/** A table as the file staff open in Excel or WPS: XLSX with a bold header, or CSV. */
export async function buildSpreadsheet({ basename, sheetName, header, rows, format }: SpreadsheetInput): Promise<SpreadsheetFile> {
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow(header).font = { bold: true };
    sheet.addRows(rows);
    sheet.columns.forEach((column) => (column.width = 16));
    return {
      filename: `${basename}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
  return { filename: `${basename}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(csvText([header, ...rows]), 'utf8') };
}

/** Answers with the file as a download that no cache keeps (exports hold personal data). */
export async function sendSpreadsheet(reply: FastifyReply, file: SpreadsheetFile): Promise<void> {
  await reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/**
 * `attachment` with an ASCII fallback name and the real one in RFC 5987 form, so a Chinese
 * file name reaches the browser intact (a raw one is not a valid header value).
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
