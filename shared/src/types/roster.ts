import type { Degree } from './profile.js';

/** The columns of a roster file, in template order, with the Chinese header each has. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'studentNumber', header: '学号', required: true },
  { key: 'graduationYear', header: '毕业年份', required: true },
  { key: 'department', header: '院系', required: true },
  { key: 'major', header: '专业', required: false },
  { key: 'className', header: '班级', required: false },
  { key: 'degree', header: '学历', required: false },
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export const ROSTER_LIMITS = {
  /** Largest roster file accepted (a 20,000-row CSV is about 1 MB). */
  maxFileBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  /** Longest text accepted in any roster cell. */
  maxCellLength: 60,
  /** Problem rows listed in a preview; the counts always cover every row. */
  maxListedProblems: 200,
} as const;

/** Why one row of a roster file cannot be imported. */
export const ROSTER_ROW_PROBLEMS = {
  NAME_MISSING: '姓名为空',
  STUDENT_NUMBER_MISSING: '学号为空',
  YEAR_INVALID: '毕业年份不是有效的四位年份',
  DEPARTMENT_MISSING: '院系为空',
  DEPARTMENT_UNKNOWN: '院系不在学校院系列表中',
  DEGREE_UNKNOWN: '学历应为 专科、本科、硕士、博士 或 其他',
  TOO_LONG: '内容过长',
  DUPLICATE_IN_FILE: '学号在文件中重复出现',
  ALREADY_PRESENT: '学号已在名册中，将跳过',
} as const;
export type RosterRowProblemCode = keyof typeof ROSTER_ROW_PROBLEMS;

export interface RosterRowProblemDto {
  /** Line of the file as the spreadsheet shows it (the header is line 1). */
  line: number;
  name: string | null;
  studentNumber: string | null;
  problems: { code: RosterRowProblemCode; column: string; message: string }[];
}

export interface RosterPreviewRowDto {
  line: number;
  name: string;
  studentNumber: string;
  graduationYear: number;
  departmentName: string;
  major: string | null;
  className: string | null;
  degree: Degree | null;
}

export type RosterImportStatus = 'previewed' | 'committed';

/** What a preview found, before anything is written to the roster. */
export interface RosterPreviewDto {
  importId: string;
  fileName: string;
  status: RosterImportStatus;
  totalRows: number;
  /** Rows that a commit will add. */
  validRows: number;
  /** Rows refused for a problem in their data. */
  invalidRows: number;
  /** Rows whose student number is already in the roster (skipped, not an error). */
  alreadyPresentRows: number;
  /** Header columns the template does not have; their contents are ignored. */
  ignoredColumns: string[];
  /** The first problem rows (at most ROSTER_LIMITS.maxListedProblems). */
  problems: RosterRowProblemDto[];
  problemsTruncated: boolean;
  /** The first valid rows, to show what will be imported. */
  sample: RosterPreviewRowDto[];
}

export interface RosterCommitResultDto {
  importId: string;
  /** Rows added to the roster. */
  insertedRows: number;
  /** Valid rows skipped because their student number arrived meanwhile. */
  skippedRows: number;
  committedAt: string;
}
