import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  formatPercent,
  formatShanghaiDateTime,
  SURVEY_QUESTION_KIND_LABELS,
  SURVEY_STANDARD_ATTRIBUTES,
  type SurveyAnswer,
  type SurveyQuestionResultDto,
  type SurveyResultsDto,
} from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../common/spreadsheet.js';
import { shown } from './survey-imports.service.js';
import { tabulate } from './survey-results.js';
import type { SurveyEntity } from './survey.entity.js';
import { SurveysService } from './surveys.service.js';

/**
 * A survey's results for staff: the percentage tables of its valid responses, overall and by
 * any respondent attribute, and the files — the tables, and every returned response.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
  ) {}

  async results(id: string, by: string | null): Promise<SurveyResultsDto> {
    const survey = await this.surveys.find(id);
    const attributes = await this.attributes(survey);
    if (by !== null && !attributes.includes(by)) {
      throw new AppError('SURVEY_ATTRIBUTE_UNKNOWN', [
        { field: 'by', issue: `by must be one of ${attributes.join(', ') || '(no attribute yet)'}` },
      ]);
    }
    const { columns, questions } = tabulate(survey.questions, await this.surveys.validResponses(survey), by);
    return { surveyId: id, by, attributes, columns, questions, counts: await this.surveys.counts(survey) };
  }

  /** The tables as the file a report is written from: one block per question, counts and whole percents. */
  async exportResults(id: string, by: string | null, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const results = await this.results(id, by);
    const survey = await this.surveys.find(id);
    const { counts } = results;
    const rows: string[][] = [
      [survey.title],
      [
        `发放 ${counts.issued}`,
        `回收 ${counts.returned}`,
        `有效 ${counts.valid}`,
        `回收率 ${formatPercent(counts.returnRate)}`,
        `有效率 ${formatPercent(counts.validityRate)}`,
      ],
      [],
    ];
    for (const question of results.questions) rows.push(...questionBlock(question), []);
    return buildSpreadsheet({
      basename: `问卷结果-${survey.title}${by ? `-按${by}` : ''}`,
      sheetName: '结果',
      header: ['说明', ...results.columns.map((c) => c.label)],
      rows,
      format,
    });
  }

  /** Every returned response, valid or not, without who gave it: the raw data for other tools. */
  async exportResponses(id: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const survey = await this.surveys.find(id);
    const attributes = await this.attributes(survey);
    const responses: {
      source: string;
      line: number | null;
      submitted_at: Date;
      duration_seconds: number | null;
      complete: boolean;
      valid: boolean;
      answers: Record<string, SurveyAnswer>;
      attributes: Record<string, string>;
    }[] = await this.dataSource.query(
      `SELECT r.source, r.line, r.submitted_at, r.duration_seconds, r.complete, r.answers, r.attributes,
                ((NOT $2 OR r.complete) AND (r.duration_seconds IS NULL OR r.duration_seconds >= $3)) AS valid
           FROM survey_responses r WHERE r.survey_id = $1 ORDER BY r.submitted_at, r.id`,
      [id, survey.requireComplete, survey.minSeconds],
    );
    return buildSpreadsheet({
      basename: `问卷原始数据-${survey.title}`,
      sheetName: '原始数据',
      header: ['来源', '提交时间', '用时（秒）', '完整', '有效', ...survey.questions.map((q) => `${q.number}. ${q.title}`), ...attributes],
      rows: responses.map((r) => [
        r.source === 'online' ? '线上' : `导入第 ${r.line} 行`,
        formatShanghaiDateTime(new Date(r.submitted_at).toISOString()),
        r.duration_seconds === null ? '' : String(r.duration_seconds),
        r.complete ? '是' : '否',
        r.valid ? '是' : '否',
        ...survey.questions.map((q) => (r.answers[q.key] === undefined ? '' : shown(survey.questions, q.key, r.answers[q.key]!))),
        ...attributes.map((a) => r.attributes[a] ?? ''),
      ]),
      format,
    });
  }

  /** The attributes the responses carry: the standard ones first, then imported columns by name. */
  private async attributes(survey: SurveyEntity): Promise<string[]> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT DISTINCT jsonb_object_keys(attributes) AS key FROM survey_responses WHERE survey_id = $1`,
      [survey.id],
    );
    const keys = rows.map((r) => r.key);
    const standard = SURVEY_STANDARD_ATTRIBUTES.filter((a) => keys.includes(a));
    return [...standard, ...keys.filter((k) => !(standard as string[]).includes(k)).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))];
  }
}

function questionBlock(question: SurveyQuestionResultDto): string[][] {
  const kind = SURVEY_QUESTION_KIND_LABELS[question.kind];
  const lines: string[][] = [[`${question.number}. ${question.title}（${kind}）`], ['回答人数', ...question.answered.map(String)]];
  if (question.kind === 'text') return [...lines, ['简答内容见原始数据']];
  for (const row of question.rows) {
    lines.push([row.label, ...row.cells.map((c) => `${c.count}（${formatPercent(c.percent)}）`)]);
    if (question.choices) lines.push(['  占全部选择', ...row.cells.map((c) => formatPercent(c.percentOfChoices))]);
  }
  if (question.choices) lines.push(['选择总数', ...question.choices.map(String)]);
  if (question.means) lines.push(['平均分', ...question.means.map((m) => (m === null ? '—' : m.toFixed(1)))]);
  return lines;
}
