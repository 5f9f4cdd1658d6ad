import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  type AuthUserDto,
  SURVEY_LIMITS,
  type SurveyAnswer,
  type SurveyImportCommitDto,
  type SurveyImportPreviewDto,
  type SurveyImportProblemDto,
  type SurveyQuestionDto,
} from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../common/spreadsheet.js';
import {
  headerKey,
  MOJIBAKE,
  normalizeText,
  readTableFile,
  type TableFileErrors,
  type TableRecord,
  tooManyRows,
} from '../common/table-file.js';
import { readUpload } from '../storage/upload.js';
import { isComplete, optionLetter, readCell } from './survey-questions.js';
import { SurveyImportEntity, type StagedSurveyResponse } from './survey-import.entity.js';
import type { SurveyEntity } from './survey.entity.js';
import { SurveysService } from './surveys.service.js';

const FILE_ERRORS: TableFileErrors = {
  typeUnsupported: 'SURVEY_IMPORT_FILE_TYPE_UNSUPPORTED',
  encodingUnsupported: 'SURVEY_IMPORT_ENCODING_UNSUPPORTED',
  malformed: 'SURVEY_IMPORT_FILE_MALFORMED',
  tooManyRows: 'SURVEY_IMPORT_TOO_MANY_ROWS',
};

/** The standard attributes under the names people give their columns. */
const ATTRIBUTE_SYNONYMS: Record<string, string> = {
  院系: '院系',
  学院: '院系',
  系别: '院系',
  所在院系: '院系',
  二级学院: '院系',
  毕业年份: '毕业年份',
  毕业年: '毕业年份',
  届别: '毕业年份',
  毕业届别: '毕业年份',
  城市: '城市',
  所在城市: '城市',
  工作城市: '城市',
  现居城市: '城市',
};
/** Columns that number the questionnaires and say nothing about the respondent. */
const IGNORED_HEADERS = new Set(['序号', '编号', '问卷编号', '行号']);
/** `Q3`, `q3`, `3`, `3.`, `第3题`, `3、您的…`: the header names question 3. */
const QUESTION_HEADER = /^(?:[Qq]|第)?\s*(\d{1,3})\s*(?:题)?(?:[.．、:：)）\s]|$)/;
const YEAR = /^(\d{4})(?:届|年)?$/;
const MAX_ATTRIBUTE_CHARS = 60;
const SAMPLE_ROWS = 10;
const STAGED_LIFETIME = "interval '1 day'";

interface Layout {
  questions: { index: number; header: string; question: SurveyQuestionDto }[];
  attributes: { index: number; header: string; attribute: string }[];
  ignored: string[];
}

/**
 * Paper and outside questionnaires (docs/surveys.md, Importing): a CSV or XLSX file with one
 * row per respondent, a column per question and any attribute columns (学院, 城市…), read by
 * the roster import's machinery (common/table-file.ts). The preview lists every problem of
 * every row; a file with one unreadable row cannot be committed — nothing of it is written —
 * and a file without problems is committed whole, in one statement.
 */
@Injectable()
export class SurveyImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly audit: AuditService,
  ) {}

  /** A file to fill in: a column per question (`1. 题目`) and the standard attributes; XLSX explains each question. */
  async template(id: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const survey = await this.surveys.find(id);
    const basename = `问卷录入模板-${survey.title}`;
    const header = [...survey.questions.map((q) => `${q.number}. ${q.title}`), '院系', '毕业年份', '城市'];
    if (format === 'csv') return buildSpreadsheet({ basename, sheetName: '问卷录入', header, rows: [], format });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('问卷录入');
    sheet.addRow(header).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 18));
    const help = workbook.addWorksheet('填写说明');
    help.columns = [
      { header: '列', width: 30 },
      { header: '怎么填', width: 80 },
    ];
    help.getRow(1).font = { bold: true };
    help.addRows([
      ...survey.questions.map((q) => [`${q.number}. ${q.title}`, howToFill(q)]),
      ['院系、毕业年份、城市', '选填；也可以增加其他属性列（如性别、行业），结果页可按任一列分组'],
      ['每一行', '一份问卷；空白单元格表示该题未作答'],
    ]);
    return {
      filename: `${basename}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  /** Reads the file and checks every row; stages the rows when none has a problem. Writes no response. */
  async preview(user: AuthUserDto, id: string, request: FastifyRequest): Promise<SurveyImportPreviewDto> {
    const survey = await this.importable(id);
    const upload = await this.readFile(request);
    const fileName = upload.fileName.slice(0, 200) || 'survey';
    const records = await readTableFile(fileName, upload.body, FILE_ERRORS, SURVEY_LIMITS.maxImportRows);
    const [header, ...data] = records;
    if (!header) throw new AppError('SURVEY_IMPORT_FILE_EMPTY', [{ field: 'file', issue: 'the file has no header row' }]);
    const layout = layoutOf(header, survey.questions);
    const rows = data.filter((r) => r.cells.some((cell) => normalizeText(cell) !== ''));
    if (rows.length === 0)
      throw new AppError('SURVEY_IMPORT_FILE_EMPTY', [{ field: 'file', issue: 'the file has a header row but no data rows' }]);
    if (rows.length > SURVEY_LIMITS.maxImportRows) tooManyRows(FILE_ERRORS, rows.length, SURVEY_LIMITS.maxImportRows);

    const staged: StagedSurveyResponse[] = [];
    const problems: SurveyImportProblemDto[] = [];
    for (const row of rows) {
      const read = readRow(row, layout, survey.questions);
      if (read.problems.length > 0) problems.push({ line: row.line, problems: read.problems });
      else staged.push(read.response);
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE survey_imports SET staged_rows = NULL WHERE status = 'previewed' AND staged_rows IS NOT NULL AND created_at < now() - ${STAGED_LIFETIME}`,
      );
      return manager.save(SurveyImportEntity, {
        surveyId: id,
        status: 'previewed' as const,
        fileName,
        totalRows: rows.length,
        problemRows: problems.length,
        stagedRows: problems.length === 0 ? staged : null,
        insertedRows: null,
        importedBy: user.id,
        committedAt: null,
      });
    });
    const answered = new Set(layout.questions.map((c) => c.question.key));
    return {
      importId: saved.id,
      fileName,
      totalRows: rows.length,
      problemRows: problems.length,
      incompleteRows: staged.filter((r) => !r.complete).length,
      problems,
      questionColumns: layout.questions.map((c) => ({ header: c.header, questionKey: c.question.key, number: c.question.number })),
      attributeColumns: layout.attributes.map((c) => ({ header: c.header, attribute: c.attribute })),
      unansweredQuestions: survey.questions.filter((q) => !answered.has(q.key)).map((q) => q.number),
      ignoredColumns: layout.ignored,
      sample: staged.slice(0, SAMPLE_ROWS).map((r) => ({
        line: r.line,
        answers: Object.fromEntries(Object.entries(r.answers).map(([key, answer]) => [key, shown(survey.questions, key, answer)])),
        attributes: r.attributes,
      })),
    };
  }

  /** Inserts every staged row in one statement, or nothing: a file with problems is refused whole. Audited. */
  async commit(user: AuthUserDto, id: string, importId: string): Promise<SurveyImportCommitDto> {
    const survey = await this.importable(id);
    const insertedRows = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(SurveyImportEntity, {
        where: { id: importId, surveyId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new AppError('SURVEY_IMPORT_NOT_FOUND');
      if (found.status === 'committed') throw new AppError('SURVEY_IMPORT_ALREADY_COMMITTED');
      if (found.problemRows > 0) throw new AppError('SURVEY_IMPORT_HAS_PROBLEMS', [{ issue: `${found.problemRows} rows have problems` }]);
      const [{ staged }]: [{ staged: boolean }] = await manager.query(
        `SELECT staged_rows IS NOT NULL AS staged FROM survey_imports WHERE id = $1`,
        [importId],
      );
      if (!staged) throw new AppError('SURVEY_IMPORT_NOT_FOUND', [{ issue: 'the preview expired; upload the file again' }]);
      const [{ inserted }]: [{ inserted: number }] = await manager.query(
        `WITH inserted AS (
           INSERT INTO survey_responses (survey_id, source, import_id, line, answers, attributes, complete)
           SELECT i.survey_id, 'import', i.id, r.line, r.answers, r.attributes, r.complete
             FROM survey_imports i, jsonb_to_recordset(i.staged_rows) AS r(line int, answers jsonb, attributes jsonb, complete boolean)
            WHERE i.id = $1
           RETURNING 1
         )
         SELECT count(*)::int AS inserted FROM inserted`,
        [importId],
      );
      await manager.update(
        SurveyImportEntity,
        { id: importId },
        { status: 'committed', stagedRows: null, insertedRows: inserted, committedAt: new Date() },
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'survey.responses_imported',
        subjectType: 'survey',
        subjectId: id,
        after: { importId, fileName: found.fileName, insertedRows: inserted },
      });
      return inserted;
    });
    return { importId, insertedRows, counts: await this.surveys.counts(survey) };
  }

  /** A sent survey (open or closed): a draft's questions may still change under the file. */
  private async importable(id: string): Promise<SurveyEntity> {
    const survey = await this.surveys.find(id);
    if (survey.status === 'draft') throw new AppError('SURVEY_STATE_CONFLICT', [{ issue: 'send the survey before importing responses' }]);
    return survey;
  }

  private async readFile(request: FastifyRequest) {
    try {
      return await readUpload(request, SURVEY_LIMITS.maxImportBytes);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPLOAD_TOO_LARGE') {
        throw new AppError('SURVEY_IMPORT_FILE_TOO_LARGE', [
          { field: 'file', issue: `the file must be at most ${SURVEY_LIMITS.maxImportBytes / 1024 / 1024} MB` },
        ]);
      }
      throw error;
    }
  }
}

/** Which column answers which question, and which describe the respondent. */
function layoutOf(header: TableRecord, questions: SurveyQuestionDto[]): Layout {
  const layout: Layout = { questions: [], attributes: [], ignored: [] };
  const problems: { field: string; issue: string }[] = [];
  const taken = new Map<string, string>();
  const claim = (what: string, text: string) => {
    const earlier = taken.get(what);
    if (earlier !== undefined) problems.push({ field: text, issue: `“${text}” and “${earlier}” both fill ${what}` });
    taken.set(what, text);
  };
  header.cells.forEach((cell, index) => {
    const text = normalizeText(cell);
    if (text === '') return;
    const number = QUESTION_HEADER.exec(text)?.[1];
    const question =
      number !== undefined
        ? questions.find((q) => q.number === Number(number))
        : questions.find((q) => headerKey(q.title) === headerKey(text));
    if (number !== undefined && !question) {
      problems.push({ field: text, issue: `the survey has no question ${number}` });
    } else if (question) {
      claim(question.key, text);
      layout.questions.push({ index, header: text, question });
    } else if (IGNORED_HEADERS.has(headerKey(text))) {
      layout.ignored.push(text);
    } else {
      const attribute = ATTRIBUTE_SYNONYMS[headerKey(text)] ?? headerKey(text);
      claim(attribute, text);
      layout.attributes.push({ index, header: text, attribute });
    }
  });
  if (layout.questions.length === 0 && problems.length === 0) {
    if (header.cells.some((cell) => MOJIBAKE.test(cell))) {
      throw new AppError('SURVEY_IMPORT_ENCODING_UNSUPPORTED', [
        { field: 'file', issue: 'the headers are garbled (a GBK file converted wrongly)' },
      ]);
    }
    problems.push({ field: 'file', issue: 'no column answers a question: name them Q1, Q2… or by the question’s number and title' });
  }
  if (problems.length > 0) throw new AppError('SURVEY_IMPORT_HEADERS_INVALID', problems);
  return layout;
}

/** One row as a staged response, or every problem it has. */
function readRow(row: TableRecord, layout: Layout, questions: SurveyQuestionDto[]) {
  const problems: { column: string; message: string }[] = [];
  const answers: Record<string, SurveyAnswer> = {};
  for (const { index, header, question } of layout.questions) {
    const read = readCell(question, normalizeText(row.cells[index] ?? ''));
    if (read.problem) problems.push({ column: header, message: read.problem });
    else if (read.answer !== undefined) answers[question.key] = read.answer;
  }
  const attributes: Record<string, string> = {};
  for (const { index, header, attribute } of layout.attributes) {
    const value = normalizeText(row.cells[index] ?? '');
    if (value === '') continue;
    if ([...value].length > MAX_ATTRIBUTE_CHARS) {
      problems.push({ column: header, message: `超过 ${MAX_ATTRIBUTE_CHARS} 字` });
    } else if (attribute === '毕业年份') {
      const year = YEAR.exec(value)?.[1];
      if (year === undefined) problems.push({ column: header, message: '毕业年份请填四位年份，如 2016' });
      else attributes[attribute] = year;
    } else {
      attributes[attribute] = value;
    }
  }
  return { problems, response: { line: row.line, answers, attributes, complete: isComplete(questions, answers) } };
}

/** An answer as the preview and the raw export show it: option letters and texts, a scale point, the text. */
export function shown(questions: SurveyQuestionDto[], key: string, answer: SurveyAnswer): string {
  const question = questions.find((q) => q.key === key)!;
  const option = (n: number) => `${optionLetter(n)}. ${question.options[n - 1]}`;
  if (Array.isArray(answer)) return answer.map(option).join('；');
  if (question.kind === 'single' && typeof answer === 'number') return option(answer);
  return String(answer);
}

function howToFill(q: SurveyQuestionDto): string {
  const required = q.required ? '必答' : '选答';
  switch (q.kind) {
    case 'single':
      return `${required}，单选：填一个选项的字母、序号或文字。${q.options.map((o, i) => `${optionLetter(i + 1)}. ${o}`).join('  ')}`;
    case 'multiple':
      return `${required}，多选${q.maxChoices ? `（最多 ${q.maxChoices} 项）` : ''}：字母连写或用逗号、顿号分隔，如 A、C。${q.options
        .map((o, i) => `${optionLetter(i + 1)}. ${o}`)
        .join('  ')}`;
    case 'scale':
      return `${required}，量表：填 ${q.scaleMin}–${q.scaleMax} 的整数${q.minLabel ? `（${q.scaleMin} = ${q.minLabel}` : ''}${q.maxLabel ? `，${q.scaleMax} = ${q.maxLabel}）` : q.minLabel ? '）' : ''}`;
    case 'text':
      return `${required}，简答：${SURVEY_LIMITS.textAnswer} 字以内`;
  }
}
