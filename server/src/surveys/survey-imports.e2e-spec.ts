import ExcelJS from 'exceljs';
import { answer, type Person, sentSurvey, staffOf, surveyBody, voter } from '../../test/governance.js';
import { scalar } from '../../test/interactions.js';
import { csvFile, uploadFile } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json } from '../../test/wechat.js';

const HEADERS = ['序号', '1. 您对母校校友工作的总体评价', 'Q2', '第3题', '4、您的其他建议', '学院', '毕业年份', '性别'];

describe('importing paper questionnaires', () => {
  let t: TestApp;
  let staff: Person;
  let surveyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
    surveyId = await sentSurvey(t, staff, { paperIssued: 10 });
  });
  afterAll(() => t.close());

  const preview = (body: Buffer, name = 'paper.csv', id = surveyId) =>
    uploadFile(t, `/api/v1/staff/surveys/${id}/imports`, staff.headers, body, name);
  const commit = (importId: string, id = surveyId) =>
    t.request(`/api/v1/staff/surveys/${id}/imports/${importId}/commit`, json({}, staff.headers));
  const responses = () => scalar(t, `SELECT count(*) FROM survey_responses WHERE survey_id = $1`, [surveyId]);

  it('offers a template with a column per question and the attributes, in CSV and XLSX', async () => {
    const csv = await fetch(`${t.baseUrl}/api/v1/staff/surveys/${surveyId}/import-template?format=csv`, { headers: staff.headers });
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The BOM makes Excel read it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      '1. 您对母校校友工作的总体评价,2. 您希望参加哪些活动,3. 您向他人推荐母校的意愿,4. 您的其他建议,院系,毕业年份,城市',
    );
    const xlsx = await fetch(`${t.baseUrl}/api/v1/staff/surveys/${surveyId}/import-template?format=xlsx`, { headers: staff.headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['问卷录入', '填写说明']);
    expect(workbook.getWorksheet('填写说明')!.getRow(2).getCell(2).text).toContain('A. 满意');
  });

  it('reports every bad row with its column and writes nothing until the file has none; then commits it whole', async () => {
    const bad = csvFile(
      [
        ['1', 'A', 'A、B', '5', '', '机械工程学院', '2012届', '男'],
        ['2', '非常满意', 'A', '4', '', '经济管理学院', '2013', '女'],
        ['3', 'B', 'A,B,C', '9', '', '机械工程学院', '二〇一二', '男'],
        ['4', '2', '返校参观', '3分', '希望常回家看看', '经济管理学院', '2014', '女'],
      ],
      HEADERS,
    );
    const shown = await preview(bad);
    expect(shown.status).toBe(201);
    expect(shown.body).toMatchObject({ totalRows: 4, problemRows: 2, incompleteRows: 0, ignoredColumns: ['序号'] });
    expect(shown.body.problems).toEqual([
      {
        line: 3,
        problems: [{ column: '1. 您对母校校友工作的总体评价', message: '“非常满意”不是本题的选项（可填选项序号、字母或选项文字）' }],
      },
      {
        line: 4,
        problems: [
          { column: 'Q2', message: '本题最多选 2 项' },
          { column: '第3题', message: '请填 1–5 的整数' },
          { column: '毕业年份', message: '毕业年份请填四位年份，如 2016' },
        ],
      },
    ]);
    expect(shown.body.attributeColumns).toEqual([
      { header: '学院', attribute: '院系' },
      { header: '毕业年份', attribute: '毕业年份' },
      { header: '性别', attribute: '性别' },
    ]);
    const refused = await commit(shown.body.importId);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'SURVEY_IMPORT_HAS_PROBLEMS']);
    expect(await responses()).toBe(0);

    const good = csvFile(
      [
        ['1', 'A', 'A、B', '5', '', '机械工程学院', '2012届', '男'],
        ['2', '满意', 'A', '4', '', '经济管理学院', '2013', '女'],
        ['3', 'B', '2', '', '', '机械工程学院', '2012', '男'],
        // A required question left blank: returned, not valid.
        ['4', '', '返校参观', '3分', '希望常回家看看', '经济管理学院', '2014', '女'],
      ],
      HEADERS,
    );
    const fixed = await preview(good);
    expect(fixed.body).toMatchObject({ problemRows: 0, incompleteRows: 1, unansweredQuestions: [] });
    expect(fixed.body.sample[0]).toEqual({
      line: 2,
      answers: { q1: 'A. 满意', q2: 'A. 行业沙龙；B. 返校参观', q3: '5' },
      attributes: { 院系: '机械工程学院', 毕业年份: '2012', 性别: '男' },
    });
    const committed = await commit(fixed.body.importId);
    expect(committed.body).toMatchObject({
      insertedRows: 4,
      counts: { returned: 4, returnedImported: 4, valid: 3, incomplete: 1, paperIssued: 10 },
    });
    expect((await commit(fixed.body.importId)).body.error.code).toBe('SURVEY_IMPORT_ALREADY_COMMITTED');

    // An online answer joins them; the tables break down by an imported column too.
    await answer(t, await voter(t), surveyId, { q1: 1, q2: [3] });
    const byGender = await t.request(`/api/v1/staff/surveys/${surveyId}/results?by=${encodeURIComponent('性别')}`, {
      headers: staff.headers,
    });
    expect(byGender.body.attributes).toEqual(expect.arrayContaining(['院系', '毕业年份', '性别']));
    expect(byGender.body.columns.map((c: { label: string; respondents: number }) => [c.label, c.respondents])).toEqual([
      ['全部', 4],
      // In pinyin order: nán, nǚ.
      ['男', 2],
      ['女', 1],
      ['未填写', 1],
    ]);
    const audit = await scalar(t, `SELECT count(*) FROM audit_entries WHERE action = 'survey.responses_imported'`);
    expect(audit).toBe(1);
  });

  it('reads XLSX files, and refuses headers it cannot map and files it cannot read, by name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('问卷');
    sheet.addRow(['Q1', 'Q2', '所在城市']);
    sheet.addRow(['C', 'B,C', '杭州']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await preview(xlsx, 'paper.xlsx');
    expect(read.body).toMatchObject({
      totalRows: 1,
      problemRows: 0,
      unansweredQuestions: [3, 4],
      attributeColumns: [{ header: '所在城市', attribute: '城市' }],
    });

    const refusals = [
      [await preview(csvFile([['A']], ['Q9'])), 422, 'SURVEY_IMPORT_HEADERS_INVALID'],
      [await preview(csvFile([['A', 'B']], ['Q1', '1. 您对母校校友工作的总体评价'])), 422, 'SURVEY_IMPORT_HEADERS_INVALID'],
      [await preview(csvFile([['杭州']], ['城市'])), 422, 'SURVEY_IMPORT_HEADERS_INVALID'],
      [await preview(csvFile([], ['Q1'])), 422, 'SURVEY_IMPORT_FILE_EMPTY'],
      [await preview(Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0x0d, 0x0a])), 422, 'SURVEY_IMPORT_ENCODING_UNSUPPORTED'],
      [await preview(Buffer.from('not a workbook'), 'paper.xlsx'), 422, 'SURVEY_IMPORT_FILE_MALFORMED'],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);

    const draft = await t.request('/api/v1/staff/surveys', json(surveyBody(), staff.headers));
    expect((await preview(csvFile([['A']], ['Q1']), 'paper.csv', draft.body.id)).body.error.code).toBe('SURVEY_STATE_CONFLICT');
  });
});
