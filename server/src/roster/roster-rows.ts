import {
  DEGREE_LABELS,
  type Degree,
  PROFILE_LIMITS,
  ROSTER_COLUMNS,
  ROSTER_LIMITS,
  ROSTER_ROW_PROBLEMS,
  type RosterColumnKey,
  type RosterPreviewRowDto,
  type RosterRowProblemCode,
  type RosterRowProblemDto,
} from '@alumni/shared';
import type { RawRosterRow, StagedRosterRow } from './roster-file.js';

/** 学历 as registrars write it, including the common synonyms of the five degrees. */
const DEGREE_BY_LABEL: ReadonlyMap<string, Degree> = new Map([
  ...Object.entries(DEGREE_LABELS).map(([degree, label]) => [label, degree as Degree] as const),
  ['大专', 'associate'],
  ['高职', 'associate'],
  ['学士', 'bachelor'],
  ['研究生', 'master'],
  ['硕士研究生', 'master'],
  ['博士研究生', 'doctor'],
]);

/** `2012`, `2012届` and `2012年` all mean the class of 2012. */
const YEAR = /^(\d{4})(?:届|年)?$/;

const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<RosterColumnKey, string>;

export interface CheckedRows {
  valid: { line: number; row: StagedRosterRow; departmentName: string }[];
  problems: RosterRowProblemDto[];
  invalidRows: number;
}

/**
 * Checks every row against the rules a roster entry must meet, without touching the
 * database: the caller then marks the student numbers already in the roster.
 */
export function checkRows(rows: RawRosterRow[], departmentIdByName: ReadonlyMap<string, string>, now = new Date()): CheckedRows {
  const latestYear = now.getFullYear() + PROFILE_LIMITS.yearsAhead;
  const firstLineOf = new Map<string, number>();
  const valid: CheckedRows['valid'] = [];
  const problems: RosterRowProblemDto[] = [];
  for (const { line, cells } of rows) {
    const found: RosterRowProblemDto['problems'] = [];
    const problem = (code: RosterRowProblemCode, column: RosterColumnKey, message: string = ROSTER_ROW_PROBLEMS[code]) =>
      found.push({ code, column: HEADER_OF[column], message });

    if (cells.name === '') problem('NAME_MISSING', 'name');
    if (cells.studentNumber === '') problem('STUDENT_NUMBER_MISSING', 'studentNumber');
    const yearMatch = YEAR.exec(cells.graduationYear);
    const year = yearMatch ? Number(yearMatch[1]) : NaN;
    if (!(year >= PROFILE_LIMITS.minGraduationYear && year <= latestYear)) {
      problem('YEAR_INVALID', 'graduationYear', `${ROSTER_ROW_PROBLEMS.YEAR_INVALID}（${PROFILE_LIMITS.minGraduationYear}–${latestYear}）`);
    }
    const departmentId = departmentIdByName.get(cells.department);
    if (cells.department === '') problem('DEPARTMENT_MISSING', 'department');
    else if (departmentId === undefined)
      problem('DEPARTMENT_UNKNOWN', 'department', `${ROSTER_ROW_PROBLEMS.DEPARTMENT_UNKNOWN}：${cells.department}`);
    const degree = cells.degree === '' ? null : (DEGREE_BY_LABEL.get(cells.degree) ?? null);
    if (cells.degree !== '' && degree === null) problem('DEGREE_UNKNOWN', 'degree');
    for (const column of ROSTER_COLUMNS) {
      if (cells[column.key].length > ROSTER_LIMITS.maxCellLength) {
        problem('TOO_LONG', column.key, `${ROSTER_ROW_PROBLEMS.TOO_LONG}（最多 ${ROSTER_LIMITS.maxCellLength} 字）`);
      }
    }
    if (cells.studentNumber !== '') {
      const first = firstLineOf.get(cells.studentNumber);
      if (first === undefined) firstLineOf.set(cells.studentNumber, line);
      else problem('DUPLICATE_IN_FILE', 'studentNumber', `${ROSTER_ROW_PROBLEMS.DUPLICATE_IN_FILE}（与第 ${first} 行相同）`);
    }

    if (found.length > 0) {
      problems.push({ line, name: cells.name || null, studentNumber: cells.studentNumber || null, problems: found });
      continue;
    }
    valid.push({
      line,
      departmentName: cells.department,
      row: {
        student_number: cells.studentNumber,
        name: cells.name,
        graduation_year: year,
        department_id: departmentId!,
        major: cells.major || null,
        class_name: cells.className || null,
        degree,
      },
    });
  }
  return { valid, problems, invalidRows: problems.length };
}

export function toPreviewRow({ line, row, departmentName }: CheckedRows['valid'][number]): RosterPreviewRowDto {
  return {
    line,
    name: row.name,
    studentNumber: row.student_number,
    graduationYear: row.graduation_year,
    departmentName,
    major: row.major,
    className: row.class_name,
    degree: row.degree as Degree | null,
  };
}

export function alreadyPresentProblem(entry: CheckedRows['valid'][number]): RosterRowProblemDto {
  return {
    line: entry.line,
    name: entry.row.name,
    studentNumber: entry.row.student_number,
    problems: [{ code: 'ALREADY_PRESENT', column: HEADER_OF.studentNumber, message: ROSTER_ROW_PROBLEMS.ALREADY_PRESENT }],
  };
}
