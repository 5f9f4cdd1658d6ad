import ExcelJS from 'exceljs';
import type { ClaimDto, CreateClaimRequest } from '@alumni/shared';
import { PRIVACY_NOTICE } from '../src/identity/privacy-notice.js';
import { DepartmentEntity } from '../src/school/department.entity.js';
import { RosterEntryEntity } from '../src/roster/roster-entry.entity.js';
import { signedIn } from './auth.js';
import { post } from './giving.js';
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

/**
 * A graduate whose claim matched no roster entry (docs/reach.md, Duplicate records): the
 * unclaimed entry as the roster lists it (`entry`), and an account that accepted the privacy
 * notice (claims store personal data) and claimed it with what `typed` changes, a name variant
 * or the year one off; the claim waits for staff.
 */
export async function claimThatMisses(
  t: TestApp,
  entry: Pick<RosterEntryEntity, 'departmentId' | 'name' | 'graduationYear' | 'className'>,
  typed: Partial<CreateClaimRequest>,
  displayName: string,
) {
  const rosterEntry = await createRosterEntry(t, entry);
  const seeker = await signedIn(t, ['alumnus'], { displayName, consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
  const body: CreateClaimRequest = {
    name: entry.name,
    graduationYear: entry.graduationYear,
    departmentId: entry.departmentId,
    ...(entry.className === null ? {} : { className: entry.className }),
    ...typed,
  };
  const res = await t.request('/api/v1/me/claims', post(body, seeker.headers));
  expect([res.status, res.body.status], JSON.stringify(res.body)).toEqual([201, 'pending']);
  return { entry: rosterEntry, seeker, claim: res.body as ClaimDto };
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
