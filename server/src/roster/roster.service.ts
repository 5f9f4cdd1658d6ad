import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  type AuthUserDto,
  DEGREE_LABELS,
  type Page,
  type RosterCandidateDto,
  ROSTER_COLUMNS,
  ROSTER_LIMITS,
  type RosterCommitResultDto,
  type RosterPreviewDto,
  type StaffRosterEntryDto,
} from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { escapeLike } from '../common/escape-like.js';
import { rowsPage } from '../common/pagination.js';
import { GroupsService } from '../groups/groups.service.js';
import { SchoolService } from '../school/school.service.js';
import { readUpload } from '../storage/upload.js';
import { normalizeText } from '../common/table-file.js';
import type { StaffRosterEntriesQueryDto } from './dto/roster-entries.dto.js';
import { parseRosterFile } from './roster-file.js';
import { alreadyPresentProblem, checkRows, toPreviewRow } from './roster-rows.js';
import { RosterEntryEntity } from './roster-entry.entity.js';
import { RosterImportEntity } from './roster-import.entity.js';

const UTF8_BOM = '\uFEFF';
const SAMPLE_ROWS = 10;
/** Previews nobody committed within a day lose their staged rows (the file must be uploaded again). */
const STAGED_LIFETIME = "interval '1 day'";

/** Who a claimant says they are; every text already in normalizeText form. */
export interface RosterCriteria {
  name: string;
  graduationYear: number;
  departmentId: string;
  studentNumber: string | null;
  className: string | null;
}

/** One class of the roster (the seam the class groups are created from). */
export interface RosterClass {
  graduationYear: number;
  departmentId: string;
  className: string;
  entryCount: number;
}

/** A classmate as a liaison sees them: the roster's name and class, and whether a verified account holds the entry. */
export interface RosterClassEntry {
  id: string;
  name: string;
  className: string;
  claimed: boolean;
}

/** One figure of the coverage counts: the whole roster, a department (key: its id) or a year (key: the year). */
export interface RosterCoverageCount {
  dimension: 'total' | 'department' | 'graduationYear';
  key: string | null;
  graduates: number;
  reached: number;
}

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(RosterEntryEntity) private readonly entries: Repository<RosterEntryEntity>,
    private readonly school: SchoolService,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
  ) {}

  /** The CSV template: the Chinese headers only, with a BOM so Excel opens it as UTF-8. */
  templateCsv(): Buffer {
    return Buffer.from(`${UTF8_BOM}${ROSTER_COLUMNS.map((c) => c.header).join(',')}\r\n`, 'utf8');
  }

  /** The XLSX template: the headers, and a second sheet explaining each column with the school's departments. */
  async templateXlsx(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'major' ? 28 : 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('studentNumber').numFmt = '@';
    const help = workbook.addWorksheet('填写说明');
    help.columns = [
      { header: '列', width: 12 },
      { header: '说明', width: 70 },
    ];
    const departments = await this.school.listDepartments();
    help.addRows([
      ['姓名', '必填'],
      ['学号', '必填，全校唯一；已在名册中的学号会被跳过'],
      ['毕业年份', '必填，四位年份，如 2016'],
      ['院系', `必填，须为以下之一：${departments.map((d) => d.name).join('、')}`],
      ['专业', '选填'],
      ['班级', '选填，如 机械1201班；校友可凭班级认证'],
      ['学历', `选填：${Object.values(DEGREE_LABELS).join('、')}`],
    ]);
    help.getRow(1).font = { bold: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * Reads an uploaded roster, lists every row's problems, and stages the valid rows for a
   * commit. Nothing is written to the roster itself.
   */
  async preview(user: AuthUserDto, request: FastifyRequest): Promise<RosterPreviewDto> {
    const upload = await this.readRosterUpload(request);
    const fileName = upload.fileName.slice(0, 200) || 'roster';
    const { rows, ignoredColumns } = await parseRosterFile(fileName, upload.body);
    const departments = await this.school.listDepartments();
    const checked = checkRows(rows, new Map(departments.map((d) => [normalizeText(d.name), d.id])));

    const present = await this.existingStudentNumbers(checked.valid.map((v) => v.row.student_number));
    const fresh = checked.valid.filter((v) => !present.has(v.row.student_number));
    const alreadyPresent = checked.valid.filter((v) => present.has(v.row.student_number));
    const problems = [...checked.problems, ...alreadyPresent.map(alreadyPresentProblem)].sort((a, b) => a.line - b.line);

    const saved = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE roster_imports SET staged_rows = NULL WHERE status = 'previewed' AND staged_rows IS NOT NULL AND created_at < now() - ${STAGED_LIFETIME}`,
      );
      return manager.save(RosterImportEntity, {
        status: 'previewed' as const,
        fileName,
        importedBy: user.id,
        totalRows: rows.length,
        validRows: fresh.length,
        invalidRows: checked.invalidRows,
        alreadyPresentRows: alreadyPresent.length,
        insertedRows: null,
        stagedRows: fresh.map((v) => v.row),
        committedAt: null,
      });
    });
    return {
      importId: saved.id,
      fileName,
      status: saved.status,
      totalRows: saved.totalRows,
      validRows: saved.validRows,
      invalidRows: saved.invalidRows,
      alreadyPresentRows: saved.alreadyPresentRows,
      ignoredColumns,
      problems: problems.slice(0, ROSTER_LIMITS.maxListedProblems),
      problemsTruncated: problems.length > ROSTER_LIMITS.maxListedProblems,
      sample: fresh.slice(0, SAMPLE_ROWS).map(toPreviewRow),
    };
  }

  /**
   * Writes the staged rows of a preview in one transaction: one INSERT … SELECT over the
   * staged JSON, skipping student numbers already present, so committing the same file
   * twice (or two overlapping files) never duplicates anyone. Audited.
   */
  async commit(user: AuthUserDto, importId: string): Promise<RosterCommitResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager
        .getRepository(RosterImportEntity)
        .findOne({ where: { id: importId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new AppError('ROSTER_IMPORT_NOT_FOUND');
      if (found.status === 'committed') throw new AppError('ROSTER_IMPORT_ALREADY_COMMITTED');
      const [{ staged }]: [{ staged: boolean }] = await manager.query(
        'SELECT staged_rows IS NOT NULL AS staged FROM roster_imports WHERE id = $1',
        [importId],
      );
      if (!staged) throw new AppError('ROSTER_IMPORT_NOT_FOUND', [{ issue: 'the preview expired; upload the file again' }]);
      const [{ inserted }]: [{ inserted: number }] = await manager.query(
        `WITH inserted AS (
           INSERT INTO roster_entries (student_number, name, graduation_year, department_id, major, class_name, degree, import_id)
           SELECT r.student_number, r.name, r.graduation_year, r.department_id, r.major, r.class_name, r.degree, i.id
             FROM roster_imports i,
                  jsonb_to_recordset(i.staged_rows) AS r(student_number text, name text, graduation_year smallint,
                                                          department_id uuid, major text, class_name text, degree text)
            WHERE i.id = $1
           ON CONFLICT (student_number) DO NOTHING
           RETURNING 1
         )
         SELECT count(*)::int AS inserted FROM inserted`,
        [importId],
      );
      // Every class the file lists gets its class group in the same transaction.
      const classGroupsCreated = await this.groups.createClassGroupsForImport(manager, importId);
      const committedAt = new Date();
      await manager.update(
        RosterImportEntity,
        { id: importId },
        { status: 'committed', insertedRows: inserted, stagedRows: null, committedAt },
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'roster.imported',
        subjectType: 'roster_import',
        subjectId: importId,
        before: { status: 'previewed', validRows: found.validRows },
        after: {
          status: 'committed',
          fileName: found.fileName,
          insertedRows: inserted,
          skippedRows: found.validRows - inserted,
          classGroupsCreated,
        },
      });
      return { importId, insertedRows: inserted, skippedRows: found.validRows - inserted, committedAt: committedAt.toISOString() };
    });
  }

  /** Entries that fit every criterion given (student number and class only when given). */
  findMatches(manager: EntityManager, criteria: RosterCriteria): Promise<RosterEntryEntity[]> {
    const where = {
      name: criteria.name,
      graduationYear: criteria.graduationYear,
      departmentId: criteria.departmentId,
      ...(criteria.studentNumber === null ? {} : { studentNumber: criteria.studentNumber }),
      ...(criteria.className === null ? {} : { className: criteria.className }),
    };
    return manager.getRepository(RosterEntryEntity).find({ where, take: 10 });
  }

  /**
   * Gives the entry to the alumnus if nobody holds it yet. One UPDATE … WHERE claimed_by IS
   * NULL: of two concurrent claimants the second re-reads the row after the first commits
   * and finds it taken. Null when taken or absent.
   */
  async claimEntry(manager: EntityManager, entryId: string, alumnusId: string): Promise<RosterEntryEntity | null> {
    const { affected } = await manager
      .createQueryBuilder()
      .update(RosterEntryEntity)
      .set({ claimedBy: alumnusId, claimedAt: () => 'now()' })
      .where('id = :entryId AND claimed_by IS NULL', { entryId })
      .execute();
    return affected === 1 ? manager.getRepository(RosterEntryEntity).findOneBy({ id: entryId }) : null;
  }

  /** SEAM for duplicate records: the entries a page of the review queue names. */
  entriesByIds(ids: string[]): Promise<RosterEntryEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.entries.findBy({ id: In(ids) });
  }

  findEntry(id: string, manager?: EntityManager): Promise<RosterEntryEntity | null> {
    return (manager ? manager.getRepository(RosterEntryEntity) : this.entries).findOneBy({ id });
  }

  /**
   * Entries a reviewer may pick for these claims: same year, department and name, or the
   * same student number. One query for a whole page of the queue.
   */
  async candidatesFor(criteria: RosterCriteria[]): Promise<RosterEntryEntity[]> {
    if (criteria.length === 0) return [];
    const query = this.entries.createQueryBuilder('e');
    criteria.forEach((c, i) => {
      query.orWhere(`(e.graduationYear = :year${i} AND e.departmentId = :department${i} AND e.name = :name${i})`, {
        [`year${i}`]: c.graduationYear,
        [`department${i}`]: c.departmentId,
        [`name${i}`]: c.name,
      });
      if (c.studentNumber !== null) query.orWhere(`e.studentNumber = :number${i}`, { [`number${i}`]: c.studentNumber });
    });
    return query
      .orderBy('e.studentNumber', 'ASC')
      .limit(criteria.length * 10)
      .getMany();
  }

  /**
   * SEAM for class groups: every class of the roster (year, department, class name) with
   * how many graduates it lists. The groups module creates one class group per row.
   */
  async listClasses(): Promise<RosterClass[]> {
    const rows: { graduation_year: number; department_id: string; class_name: string; entry_count: number }[] = await this.entries.query(
      `SELECT graduation_year, department_id, class_name, count(*)::int AS entry_count
         FROM roster_entries WHERE class_name IS NOT NULL
        GROUP BY graduation_year, department_id, class_name
        ORDER BY graduation_year, department_id, class_name`,
    );
    return rows.map((r) => ({
      graduationYear: r.graduation_year,
      departmentId: r.department_id,
      className: r.class_name,
      entryCount: r.entry_count,
    }));
  }

  /**
   * SEAM for the dashboard's coverage: graduates on the roster and how many of their entries
   * a verified account holds (claimed_by is set only on verification and cleared on erasure),
   * in total, per department and per graduation year. One grouped pass over the table.
   */
  async coverageCounts(): Promise<RosterCoverageCount[]> {
    const rows: { department_id: string | null; graduation_year: number | null; level: number; graduates: number; reached: number }[] =
      await this.entries.query(
        `SELECT department_id, graduation_year, GROUPING(department_id, graduation_year)::int AS level,
                count(*)::int AS graduates, count(claimed_by)::int AS reached
           FROM roster_entries
          GROUP BY GROUPING SETS ((), (department_id), (graduation_year))`,
      );
    return rows.map((r) => ({
      // GROUPING(a, b): 3 = the total, 1 = per department (year rolled up), 2 = per year.
      dimension: r.level === 3 ? 'total' : r.level === 1 ? 'department' : 'graduationYear',
      key: r.level === 1 ? r.department_id : r.level === 2 ? String(r.graduation_year) : null,
      graduates: r.graduates,
      reached: r.reached,
    }));
  }

  /**
   * SEAM for the coverage trend: entries on the roster and entries claimed by the end of each
   * month (`YYYY-MM`, Asia/Shanghai), worked out from import and claim dates. One pass: counts
   * per month from the first month on, everything earlier in one bucket, then running sums.
   */
  async coverageByMonth(months: string[]): Promise<{ month: string; graduates: number; reached: number }[]> {
    if (months.length === 0) return [];
    const first = new Date(`${months[0]}-01T00:00:00+08:00`);
    const rows: { kind: 'g' | 'r'; month: string | null; n: number }[] = await this.entries.query(
      `SELECT kind, CASE WHEN at < $1 THEN NULL ELSE to_char(at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM') END AS month,
              count(*)::int AS n
         FROM (SELECT 'g' AS kind, created_at AS at FROM roster_entries
               UNION ALL
               SELECT 'r', claimed_at FROM roster_entries WHERE claimed_at IS NOT NULL) x
        GROUP BY 1, 2`,
      [first],
    );
    const running = { g: 0, r: 0 };
    for (const row of rows) if (row.month === null) running[row.kind] += row.n;
    return months.map((month) => {
      for (const row of rows) if (row.month === month) running[row.kind] += row.n;
      return { month, graduates: running.g, reached: running.r };
    });
  }

  /** SEAM for class liaisons: every entry of one class, by name (names and the class only leave this module's callers). */
  async classEntries(key: { graduationYear: number; departmentId: string; className: string }): Promise<RosterClassEntry[]> {
    const rows = await this.entries.find({
      select: { id: true, name: true, className: true, claimedBy: true },
      where: { graduationYear: key.graduationYear, departmentId: key.departmentId, className: key.className },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({ id: r.id, name: r.name, className: r.className!, claimed: r.claimedBy !== null }));
  }

  /**
   * SEAM for the class leaderboard: every class of the roster with its entries and how many a
   * verified account holds (the same rule as coverageCounts), optionally of one year or department.
   */
  async classCoverage(filter: { graduationYear?: number; departmentId?: string } = {}): Promise<(RosterClass & { reached: number })[]> {
    const rows: { graduation_year: number; department_id: string; class_name: string; entry_count: number; reached: number }[] =
      await this.entries.query(
        `SELECT graduation_year, department_id, class_name, count(*)::int AS entry_count, count(claimed_by)::int AS reached
           FROM roster_entries
          WHERE class_name IS NOT NULL AND ($1::smallint IS NULL OR graduation_year = $1) AND ($2::uuid IS NULL OR department_id = $2)
          GROUP BY graduation_year, department_id, class_name`,
        [filter.graduationYear ?? null, filter.departmentId ?? null],
      );
    return rows.map((r) => ({
      graduationYear: r.graduation_year,
      departmentId: r.department_id,
      className: r.class_name,
      entryCount: r.entry_count,
      reached: r.reached,
    }));
  }

  private async readRosterUpload(request: FastifyRequest) {
    try {
      return await readUpload(request, ROSTER_LIMITS.maxFileBytes);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPLOAD_TOO_LARGE') {
        throw new AppError('ROSTER_FILE_TOO_LARGE', [
          { field: 'file', issue: `the file must be at most ${ROSTER_LIMITS.maxFileBytes / 1024 / 1024} MB` },
        ]);
      }
      throw error;
    }
  }

  private async existingStudentNumbers(numbers: string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows: { student_number: string }[] = await this.entries.query(
      'SELECT student_number FROM roster_entries WHERE student_number = ANY($1::text[])',
      [numbers],
    );
    return new Set(rows.map((r) => r.student_number));
  }

  /**
   * The staff roster list: newest entries first (keyset on createdAt, id), every filter optional. The name
   * filter takes part of a name or a whole student number; texts are compared in the roster's normalizeText form.
   */
  async listEntries(query: StaffRosterEntriesQueryDto): Promise<Page<StaffRosterEntryDto>> {
    const q = this.entries.createQueryBuilder('e');
    if (query.graduationYear !== undefined) q.andWhere('e.graduationYear = :year', { year: query.graduationYear });
    if (query.departmentId !== undefined) q.andWhere('e.departmentId = :departmentId', { departmentId: query.departmentId });
    if (query.className !== undefined) q.andWhere('e.className = :className', { className: normalizeText(query.className) });
    if (query.claim !== undefined) q.andWhere(query.claim === 'claimed' ? 'e.claimedBy IS NOT NULL' : 'e.claimedBy IS NULL');
    if (query.name !== undefined) {
      const name = normalizeText(query.name);
      q.andWhere('(e.name LIKE :like OR e.studentNumber = :studentNumber)', {
        like: `%${escapeLike(name)}%`,
        studentNumber: name,
      });
    }
    const page = await rowsPage(q, 'createdAt', 'DESC', query);
    const departments = await this.school.departmentNames(page.items.map((e) => e.departmentId));
    return {
      items: page.items.map((e) => ({
        ...toRosterCandidate(e, departments),
        degree: e.degree,
        claimedAt: e.claimedAt?.toISOString() ?? null,
        createdAt: e.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}

/** A roster entry as staff see it among a claim's candidates and in the roster list. */
export function toRosterCandidate(entry: RosterEntryEntity, departments: ReadonlyMap<string, string>): RosterCandidateDto {
  return {
    id: entry.id,
    name: entry.name,
    studentNumber: entry.studentNumber,
    graduationYear: entry.graduationYear,
    department: { id: entry.departmentId, name: departments.get(entry.departmentId) ?? '' },
    major: entry.major,
    className: entry.className,
    claimed: entry.claimedBy !== null,
  };
}
