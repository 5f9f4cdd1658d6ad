import ExcelJS from 'exceljs';
import { DepartmentEntity } from '../src/school/department.entity.js';
import { RosterEntryEntity } from '../src/roster/roster-entry.entity.js';
import type { TestApp } from './test-app.js';

export const ROSTER_HEADERS = ['姓名', '学号', '毕业年份', '院系', '专业', '班级', '学历'];

export async function createDepartments(t: TestApp, names: string[]): Promise<Map<string, string>> {
  const rows = await t.dataSource.getRepository(DepartmentEntity).save(names.map((name, sortOrder) => ({ name, sortOrder })));
  return new Map(rows.map((row) => [row.name, row.id]));
}

let counter = 0;

/** A roster entry; a fresh student number unless given. */
export function createRosterEntry(t: TestApp, values: Partial<RosterEntryEntity> & Pick<RosterEntryEntity, 'departmentId'>) {
  counter += 1;
  return t.dataSource.getRepository(RosterEntryEntity).save({
    studentNumber: `T${process.pid}${String(counter).padStart(6, '0')}`,
    name: `学生${counter}`,
    graduationYear: 2016,
    major: '机械设计制造及其自动化',
    className: '机械1201班',
    degree: 'bachelor' as const,
    ...values,
  });
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A CSV file as Excel's "CSV UTF-8" saves it: BOM, CRLF. */
export function csvFile(rows: string[][], headers = ROSTER_HEADERS): Buffer {
  return Buffer.from(`\uFEFF${[headers, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxFile(rows: (string | number)[][], headers = ROSTER_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(headers);
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POSTs one file as multipart field `file`. */
export function uploadFile(
  t: TestApp,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  fileName: string,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)], { type }), fileName);
  return t.request(path, { method: 'POST', headers, body: form });
}
