import ExcelJS from 'exceljs';
import { signedIn } from '../../test/auth.js';
import { createDepartments, createRosterEntry, csvFile, ROSTER_HEADERS, uploadFile, xlsxFile } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { RosterService } from './roster.service.js';

const PREVIEW = '/api/v1/staff/roster/imports';
const commitPath = (id: string) => `/api/v1/staff/roster/imports/${id}/commit`;

describe('roster import', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let alumnus: Awaited<ReturnType<typeof signedIn>>;
  let departments: Map<string, string>;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const preview = (body: Buffer, fileName = 'roster.csv', headers: Record<string, string> = staff.headers) =>
    uploadFile(t, PREVIEW, headers, body, fileName);
  const commit = (id: string, headers = staff.headers) => t.request(commitPath(id), { method: 'POST', headers });

  beforeAll(async () => {
    t = await startTestApp();
    departments = await createDepartments(t, ['机械工程学院', '信息工程学院', '经济管理学院']);
    staff = await signedIn(t, ['alumnus', 'staff']);
    alumnus = await signedIn(t);
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('serves a CSV template with a UTF-8 BOM and the Chinese headers, to anyone', async () => {
      const res = await fetch(`${t.baseUrl}/api/v1/roster/template?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').trim()).toBe(ROSTER_HEADERS.join(','));
    });

    it('serves an XLSX template whose first row is the headers and whose help sheet lists the departments', async () => {
      const res = await fetch(`${t.baseUrl}/api/v1/roster/template`);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      expect((workbook.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(ROSTER_HEADERS);
      expect(JSON.stringify(workbook.worksheets[1]!.getSheetValues())).toContain('信息工程学院');
    });

    it('accepts an uploaded template as it is filled in (round trip)', async () => {
      const res = await fetch(`${t.baseUrl}/api/v1/roster/template?format=csv`);
      const filled = Buffer.concat([Buffer.from(await res.arrayBuffer()), Buffer.from('模板生,TPL001,2019,经济管理学院,,,\r\n')]);
      const previewed = await preview(filled);
      expect(previewed.status).toBe(201);
      expect(previewed.body.validRows).toBe(1);
    });
  });

  it('lists each row’s problems in the preview and writes nothing to the roster', async () => {
    await createRosterEntry(t, { studentNumber: 'P0009', departmentId: departments.get('机械工程学院')! });
    const before = await count('roster_entries');
    const res = await preview(
      csvFile([
        ['张伟', 'P0001', '2016', '机械工程学院', '机械设计', '机械1201班', '本科'],
        ['', 'P0002', '2016', '机械工程学院', '', '', ''],
        ['李娜', 'P0003', '16', '机械工程学院', '', '', ''],
        ['王芳', 'P0004', '2016届', '土木学院', '', '', ''],
        ['赵敏', 'P0001', '2016', '机械工程学院', '', '', ''],
        ['刘洋', 'P0005', '2017', '信息工程学院', '', '', '函授'],
        ['陈静', 'P0009', '2016', '机械工程学院', '', '', ''],
        ['孙丽', '', '', '', '', '', ''],
        ['周杰', 'P0006', '2018年', '经济管理学院', '会计', '会计1401班', '大专'],
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      totalRows: 9,
      validRows: 2,
      invalidRows: 6,
      alreadyPresentRows: 1,
      problemsTruncated: false,
      status: 'previewed',
    });
    const codes = Object.fromEntries(
      res.body.problems.map((p: { line: number; problems: { code: string }[] }) => [p.line, p.problems.map((x) => x.code)]),
    );
    expect(codes).toEqual({
      3: ['NAME_MISSING'],
      4: ['YEAR_INVALID'],
      5: ['DEPARTMENT_UNKNOWN'],
      6: ['DUPLICATE_IN_FILE'],
      7: ['DEGREE_UNKNOWN'],
      8: ['ALREADY_PRESENT'],
      9: ['STUDENT_NUMBER_MISSING', 'YEAR_INVALID', 'DEPARTMENT_MISSING'],
    });
    expect(res.body.problems[0].problems[0]).toEqual({ code: 'NAME_MISSING', column: '姓名', message: '姓名为空' });
    expect(res.body.sample.map((r: { studentNumber: string }) => r.studentNumber)).toEqual(['P0001', 'P0006']);
    expect(res.body.sample[1]).toMatchObject({
      graduationYear: 2018,
      departmentName: '经济管理学院',
      degree: 'associate',
      className: '会计1401班',
    });
    expect(await count('roster_entries')).toBe(before);
  });

  it('commits the valid rows in one go, audits it, and a re-import of the same file changes nothing', async () => {
    const file = csvFile([
      ['吴磊', 'C0001', '2015', '信息工程学院', '软件工程', '软件1101班', '本科'],
      ['郑爽', 'C0002', '2015', '信息工程学院', '软件工程', '软件1101班', '本科'],
      ['冯刚', 'C0003', '2015', '信息工程学院', '软件工程', '软件1102班', '硕士'],
      ['', 'C0004', '2015', '信息工程学院', '', '', ''],
    ]);
    const first = await preview(file, '2015届.csv');
    expect(first.body).toMatchObject({ validRows: 3, invalidRows: 1, fileName: '2015届.csv' });
    const before = await count('roster_entries');

    const committed = await commit(first.body.importId);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ importId: first.body.importId, insertedRows: 3, skippedRows: 0 });
    expect(await count('roster_entries')).toBe(before + 3);
    const [entry] = await t.dataSource.query(
      "SELECT name, graduation_year, department_id, major, class_name, degree, import_id FROM roster_entries WHERE student_number = 'C0003'",
    );
    expect(entry).toEqual({
      name: '冯刚',
      graduation_year: 2015,
      department_id: departments.get('信息工程学院'),
      major: '软件工程',
      class_name: '软件1102班',
      degree: 'master',
      import_id: first.body.importId,
    });
    const audit = await t.dataSource.query(
      "SELECT actor_id, subject_id, after FROM audit_entries WHERE action = 'roster.imported' AND subject_id = $1",
      [first.body.importId],
    );
    expect(audit).toEqual([
      { actor_id: staff.alumnus.id, subject_id: first.body.importId, after: expect.objectContaining({ insertedRows: 3 }) },
    ]);

    const again = await preview(file, '2015届.csv');
    expect(again.body).toMatchObject({ validRows: 0, invalidRows: 1, alreadyPresentRows: 3 });
    const recommitted = await commit(again.body.importId);
    expect(recommitted.body).toMatchObject({ insertedRows: 0, skippedRows: 0 });
    expect(await count('roster_entries')).toBe(before + 3);
  });

  it('skips rows whose student number arrived between preview and commit', async () => {
    const file = csvFile([
      ['韩梅', 'R0001', '2014', '经济管理学院', '', '', ''],
      ['李雷', 'R0002', '2014', '经济管理学院', '', '', ''],
    ]);
    const a = await preview(file);
    const b = await preview(file);
    expect((await commit(a.body.importId)).body).toMatchObject({ insertedRows: 2, skippedRows: 0 });
    expect((await commit(b.body.importId)).body).toMatchObject({ insertedRows: 0, skippedRows: 2 });
  });

  it('refuses to commit an import twice with 409 ROSTER_IMPORT_ALREADY_COMMITTED', async () => {
    const res = await preview(csvFile([['何明', 'D0001', '2013', '机械工程学院', '', '', '']]));
    expect((await commit(res.body.importId)).status).toBe(200);
    const again = await commit(res.body.importId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ROSTER_IMPORT_ALREADY_COMMITTED');
  });

  it('answers an unknown import with 404 and a malformed id with 400', async () => {
    expect((await commit('8a0c3a52-5b1f-4a53-9d55-0c1f5f0f0f0f')).body.error.code).toBe('ROSTER_IMPORT_NOT_FOUND');
    const bad = await commit('not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('reads XLSX files, numbers and all, the same way', async () => {
    const res = await preview(
      await xlsxFile([
        ['马超', 20120101, 2016, '机械工程学院', '机械设计', '机械1201班', '本科'],
        ['黄忠', 'X0002', '2016', '机械工程学院', '', '', ''],
        ['', 'X0003', 2016, '机械工程学院', '', '', ''],
      ]),
      'roster.xlsx',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 3, validRows: 2, invalidRows: 1 });
    expect(res.body.sample[0]).toMatchObject({ studentNumber: '20120101', graduationYear: 2016, name: '马超' });
    expect(res.body.problems).toEqual([expect.objectContaining({ line: 4, studentNumber: 'X0003' })]);
  });

  it('ignores columns the template does not have, and says so', async () => {
    const res = await preview(csvFile([['关羽', 'E0001', '2012', '机械工程学院', '', '', '', '男']], [...ROSTER_HEADERS, '性别']));
    expect(res.body).toMatchObject({ validRows: 1, ignoredColumns: ['性别'] });
  });

  describe('refuses files it cannot read, writing nothing', () => {
    let imports: number;
    let entries: number;
    beforeEach(async () => {
      imports = await count('roster_imports');
      entries = await count('roster_entries');
    });
    afterEach(async () => {
      expect(await count('roster_imports')).toBe(imports);
      expect(await count('roster_entries')).toBe(entries);
    });
    const refuses = async (body: Buffer, fileName: string, status: number, code: string) => {
      const res = await preview(body, fileName);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      return res;
    };

    it('a CSV with an unclosed quote → 422 ROSTER_FILE_MALFORMED', async () => {
      const res = await refuses(
        Buffer.from('姓名,学号,毕业年份,院系\n"张三,001,2016,机械工程学院\n'),
        'bad.csv',
        422,
        'ROSTER_FILE_MALFORMED',
      );
      expect(res.body.error.details[0].issue).toMatch(/quote/i);
    });

    it('a truncated XLSX → 422 ROSTER_FILE_MALFORMED', async () => {
      const xlsx = await xlsxFile([['张三', '001', 2016, '机械工程学院']]);
      await refuses(xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'cut.xlsx', 422, 'ROSTER_FILE_MALFORMED');
    });

    it('a file named .xlsx that is not a workbook → 422 ROSTER_FILE_MALFORMED', async () => {
      await refuses(Buffer.from('just text, not a workbook'), 'fake.xlsx', 422, 'ROSTER_FILE_MALFORMED');
    });

    it('a GBK CSV without BOM → 422 ROSTER_ENCODING_UNSUPPORTED', async () => {
      // 姓名,学号,毕业年份,院系 in GBK, then a data row.
      const gbk = Buffer.from('d0d5c3fb2cd1a7bac52cb1cfd2b5c4eab7dd2cd4bacfb50d0ac0eec4c82c3030312c323031362cbbfab5e70d0a', 'hex');
      expect(new TextDecoder('gbk').decode(gbk)).toMatch(/^姓名,学号,毕业年份,院系/);
      await refuses(gbk, 'gbk.csv', 422, 'ROSTER_ENCODING_UNSUPPORTED');
    });

    it('a GBK file once opened as Latin-1 and saved as UTF-8 (mojibake) → 422 ROSTER_ENCODING_UNSUPPORTED', async () => {
      const gbk = Buffer.from('d0d5c3fb2cd1a7bac52cb1cfd2b5c4eab7dd2cd4bacfb50d0a', 'hex');
      await refuses(Buffer.from(gbk.toString('latin1') + 'x,1,2016,y\r\n', 'utf8'), 'mojibake.csv', 422, 'ROSTER_ENCODING_UNSUPPORTED');
    });

    it('a UTF-16 text export → 422 ROSTER_ENCODING_UNSUPPORTED', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t学号\r\n', 'utf16le')]);
      await refuses(utf16, 'unicode.txt', 422, 'ROSTER_ENCODING_UNSUPPORTED');
    });

    it('binary garbage → 415 ROSTER_FILE_TYPE_UNSUPPORTED', async () => {
      const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
      await refuses(garbage, 'roster.csv', 415, 'ROSTER_FILE_TYPE_UNSUPPORTED');
    });

    it('an old .xls workbook → 415 ROSTER_FILE_TYPE_UNSUPPORTED', async () => {
      await refuses(
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
        'old.xls',
        415,
        'ROSTER_FILE_TYPE_UNSUPPORTED',
      );
    });

    it('a file without the required headers → 422 ROSTER_HEADERS_INVALID naming each missing column', async () => {
      const res = await refuses(csvFile([['张三', '2016']], ['姓名', '毕业年份']), 'headers.csv', 422, 'ROSTER_HEADERS_INVALID');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['学号', '院系']);
    });

    it('a file with headers only → 422 ROSTER_FILE_EMPTY', async () => {
      await refuses(csvFile([]), 'empty.csv', 422, 'ROSTER_FILE_EMPTY');
    });

    it('a file over 10 MB → 413 ROSTER_FILE_TOO_LARGE', async () => {
      await refuses(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'huge.csv', 413, 'ROSTER_FILE_TOO_LARGE');
    });

    it('a request without a file → 400 UPLOAD_FILE_MISSING; a JSON body → 415', async () => {
      const form = new FormData();
      form.append('note', 'no file');
      const missing = await t.request(PREVIEW, { method: 'POST', headers: staff.headers, body: form });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('UPLOAD_FILE_MISSING');
      const json = await t.request(PREVIEW, {
        method: 'POST',
        headers: { ...staff.headers, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(json.status).toBe(415);
      expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('keeps alumni and anonymous callers out of the staff routes', async () => {
    const file = csvFile([['张三', 'Z0001', '2016', '机械工程学院', '', '', '']]);
    expect((await preview(file, 'a.csv', alumnus.headers)).status).toBe(403);
    expect((await preview(file, 'a.csv', {})).status).toBe(401);
    const staged = await preview(file);
    const refused = await commit(staged.body.importId, alumnus.headers);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM roster_entries WHERE student_number = 'Z0001'"))[0].n).toBe(0);
  });

  it('lists the roster’s classes for the class groups', async () => {
    const classes = await t.app.get(RosterService).listClasses();
    expect(classes).toContainEqual({
      graduationYear: 2015,
      departmentId: departments.get('信息工程学院'),
      className: '软件1101班',
      entryCount: 2,
    });
    expect(classes).toContainEqual({
      graduationYear: 2015,
      departmentId: departments.get('信息工程学院'),
      className: '软件1102班',
      entryCount: 1,
    });
  });

  it('imports a 20,000-row file (preview + commit) and reports how long it took', async () => {
    const names = [...departments.keys()];
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `校友${i}`,
      `B${String(i).padStart(8, '0')}`,
      String(2000 + (i % 20)),
      names[i % names.length]!,
      '专业',
      `${2000 + (i % 20)}级${i % 30}班`,
      '本科',
    ]);
    for (const [label, body, fileName] of [
      ['CSV', csvFile(rows), 'big.csv'],
      ['XLSX', await xlsxFile(rows.map((r) => r.map((c, j) => (j === 1 ? `X${c}` : c)))), 'big.xlsx'],
    ] as const) {
      const started = performance.now();
      const previewed = await preview(body, fileName);
      const previewedAt = performance.now();
      expect(previewed.body).toMatchObject({ totalRows: 20_000, validRows: 20_000, invalidRows: 0 });
      const committed = await commit(previewed.body.importId);
      expect(committed.body.insertedRows).toBe(20_000);
      const done = performance.now();
      console.log(
        `20,000-row ${label} roster (${(body.length / 1024).toFixed(0)} KB): preview ${(previewedAt - started).toFixed(0)} ms, commit ${(done - previewedAt).toFixed(0)} ms`,
      );
    }
  });
});
