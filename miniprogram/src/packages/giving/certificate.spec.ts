import {
  CERTIFICATE_HEIGHT,
  CERTIFICATE_WIDTH,
  certificateContent,
  certificateDate,
  certificateFileName,
  paintCertificate,
  wrapText,
} from './certificate';
import { canvasRecorder } from '../../../test/canvas-recorder';
import { certificateFixture } from './test-fixtures';

/** Every character one unit wide. */
const byLength = (text: string) => [...text].length;

describe('certificate wording', () => {
  it('names the school, the donor, the drive, the amount with its units, the tree number, the day and the number', () => {
    expect(certificateContent(certificateFixture())).toEqual({
      school: '江州学院',
      name: '李明',
      body: '向“校友林植树”捐赠 ¥30.00（1 棵树苗），情系母校，特发此证，以致谢忱。',
      trees: '你种下了第 1,024 棵树',
      issuer: '江州学院校友会',
      // 16:30 UTC is already the next day in Beijing.
      date: '2026 年 11 月 30 日',
      number: '证书编号 GIV-1A2B3C4D-000358',
    });
  });

  it('leaves out a hidden amount, and the units with it, but keeps the trees', () => {
    const content = certificateContent(
      certificateFixture({ donorName: '匿名校友', amountFen: null, units: 3, treeNumbers: { first: 7, last: 9 } }),
    );
    expect(content.name).toBe('匿名校友');
    expect(content.body).toBe('向“校友林植树”慷慨捐赠，情系母校，特发此证，以致谢忱。');
    expect(content.trees).toBe('你种下了第 7–9 棵树');
  });

  it('has no tree line for a drive without trees, nor units without a unit', () => {
    const content = certificateContent(
      certificateFixture({
        campaignKind: 'student_aid',
        campaignTitle: '春晖助学',
        amountFen: 120_000,
        units: 0,
        unitName: null,
        treeNumbers: null,
      }),
    );
    expect(content.body).toBe('向“春晖助学”捐赠 ¥1,200.00，情系母校，特发此证，以致谢忱。');
    expect(content.trees).toBeNull();
  });

  it('dates in Beijing time and names the file after the number', () => {
    expect(certificateDate('2026-01-01T15:59:59Z')).toBe('2026 年 1 月 1 日');
    expect(certificateDate('2026-01-01T16:00:00Z')).toBe('2026 年 1 月 2 日');
    expect(certificateFileName(certificateFixture())).toBe('捐赠证书-GIV-1A2B3C4D-000358.png');
  });
});

describe('wrapText', () => {
  it('breaks Chinese between characters and keeps amounts whole', () => {
    expect(wrapText('向校友林捐赠 ¥1,024.00，谢谢', 8, byLength)).toEqual(['向校友林捐赠', '¥1,024.00，', '谢谢']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrapText('一二三四。五六', 4, byLength)).toEqual(['一二三四。', '五六']);
    expect(wrapText('“一二三”，四五', 4, byLength)).toEqual(['“一二三”，', '四五']);
  });

  it('keeps a short text on one line and gives nothing for nothing', () => {
    expect(wrapText('感谢', 10, byLength)).toEqual(['感谢']);
    expect(wrapText('', 10, byLength)).toEqual([]);
  });
});

describe('paintCertificate', () => {
  it('draws every line inside the paper, the body wrapped to its width', () => {
    const { ctx, texts } = canvasRecorder();
    const content = certificateContent(certificateFixture({ campaignTitle: '校友林植树：为母校种下一棵树，绿荫留给学弟学妹' }));
    paintCertificate(ctx, content);
    const drawn = texts.map((t) => t.text);
    expect(drawn).toEqual(
      expect.arrayContaining(['江州学院', '捐 赠 证 书', '李明', content.trees, content.issuer, content.date, content.number]),
    );
    const body = texts.filter((t) => t.font.startsWith('32px'));
    expect(body.length).toBeGreaterThan(1);
    // Only the spaces where a line breaks are dropped.
    expect(
      body
        .map((t) => t.text)
        .join('')
        .replace(/ /g, ''),
    ).toBe(content.body.replace(/ /g, ''));
    for (const t of texts) {
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThan(CERTIFICATE_HEIGHT);
    }
    for (const line of body) expect(line.x + [...line.text].length * 32).toBeLessThanOrEqual(CERTIFICATE_WIDTH - 96 + 32);
  });

  it('draws no tree line when there are no trees', () => {
    const { ctx, texts } = canvasRecorder();
    paintCertificate(ctx, certificateContent(certificateFixture({ treeNumbers: null })));
    expect(texts.some((t) => t.text.startsWith('你种下了'))).toBe(false);
  });
});
