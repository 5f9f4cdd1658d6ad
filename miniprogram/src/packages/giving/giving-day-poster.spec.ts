import { canvasRecorder } from '../../../test/canvas-recorder';
import { givingDayLive } from './giving-day-fixtures';
import {
  GIVING_DAY_POSTER_HEIGHT,
  GIVING_DAY_POSTER_WIDTH,
  givingDayPosterContent,
  givingDayPosterFileName,
  paintGivingDayPoster,
} from './giving-day-poster';

const CODE_URL = 'https://api.example.org/api/v1/giving-days/g1/poster-code';
const code = { kind: 'code' } as unknown as CanvasImageSource;

/** The recorder, with the pictures drawn and the first arc of each bar (a pill's right end) kept too. */
function recorder() {
  const { ctx, texts } = canvasRecorder();
  const pictures: unknown[][] = [];
  const arcs: number[] = [];
  Object.assign(ctx, {
    drawImage: (...args: unknown[]) => void pictures.push(args),
    arcTo: (x: number) => void arcs.push(x),
  });
  return { ctx, texts, pictures, arcs };
}

describe('the giving-day poster’s words', () => {
  it('says the day, its window in Beijing time, the total with matches and bonuses, the goal and what scanning does', () => {
    const content = givingDayPosterContent(givingDayLive(), '江州学院', CODE_URL);
    expect(content).toEqual({
      school: '江州学院校友会',
      title: '百年校庆捐赠日',
      summary: '一起为母校庆生',
      window: '12月6日 08:00 – 12月7日 08:00',
      // ¥1,380 given + ¥40 matched + ¥500 unlocked, from 4 alumni.
      progress: '已筹 ¥1,920.00 · 4 位校友参与',
      goal: '目标 ¥10,000.00',
      percent: 19,
      hint: '微信扫码，一起为母校加油',
      codeUrl: CODE_URL,
    });
    expect(givingDayPosterFileName(content)).toBe('海报-百年校庆捐赠日.png');
  });
});

describe('paintGivingDayPoster', () => {
  it('draws every line inside the poster and the code at its foot', () => {
    const { ctx, texts, pictures } = recorder();
    const content = givingDayPosterContent(givingDayLive(), '江州学院', CODE_URL);
    paintGivingDayPoster(ctx, content, code);
    expect(texts.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        '捐赠日',
        content.title,
        content.window,
        content.summary,
        content.progress,
        content.goal,
        '19%',
        content.school,
        content.hint,
      ]),
    );
    for (const t of texts) {
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThan(GIVING_DAY_POSTER_HEIGHT);
    }
    expect(pictures).toHaveLength(1);
    const [picture, x, y, w, h] = pictures[0] as [unknown, number, number, number, number];
    expect(picture).toBe(code);
    // Square, inside the poster, in its lower part, clear of the words above it.
    expect(w).toBe(h);
    expect(x + w).toBeLessThanOrEqual(GIVING_DAY_POSTER_WIDTH);
    expect(y + h).toBeLessThanOrEqual(GIVING_DAY_POSTER_HEIGHT);
    const goal = texts.find((t) => t.text === content.goal)!;
    expect(y).toBeGreaterThan(goal.y + 26);
  });

  it('wraps a long title to at most three lines within the margins', () => {
    const { ctx, texts } = recorder();
    const live = givingDayLive();
    const title = '江州学院建校一百二十周年暨第十届校友返校日'.repeat(3);
    paintGivingDayPoster(ctx, givingDayPosterContent({ ...live, day: { ...live.day, title } }, '江州学院', CODE_URL), code);
    const lines = texts.filter((t) => t.font.startsWith('bold 56px'));
    expect(lines).toHaveLength(3);
    expect(title.startsWith(lines.map((l) => l.text).join(''))).toBe(true);
    for (const line of lines) expect(line.x + [...line.text].length * 32).toBeLessThanOrEqual(GIVING_DAY_POSTER_WIDTH - 48);
  });

  it('fills the goal bar in proportion, never past its track, and shows a start on a new day', () => {
    const barRight = (raisedFen: number) => {
      const { ctx, arcs } = recorder();
      const live = givingDayLive({ totals: { raisedFen, matchedFen: 0, bonusFen: 0, donors: 1, gifts: 1 } });
      paintGivingDayPoster(ctx, givingDayPosterContent(live, '江州学院', CODE_URL), code);
      // Each pill's first arc is at its right end: the track, then the fill.
      return { track: arcs[0]!, fill: arcs[4]! };
    };
    const half = barRight(500_000);
    expect(half.fill - 48).toBeCloseTo((half.track - 48) / 2, 0);
    const over = barRight(5_000_000);
    expect(over.fill).toBe(over.track);
    const none = barRight(0);
    expect(none.fill).toBeGreaterThan(48);
    expect(none.fill).toBeLessThan(100);
  });
});
