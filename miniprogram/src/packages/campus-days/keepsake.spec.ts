import type { CampusDayKeepsakeDto } from '@alumni/shared';
import { canvasRecorder } from '../../../test/canvas-recorder';
import { KEEPSAKE_HEIGHT, KEEPSAKE_WIDTH, keepsakeFileName, paintKeepsake } from './keepsake';

const keepsake = (spotNames: string[]): CampusDayKeepsakeDto => ({
  name: '周明远',
  className: '2012届计科1班',
  eventTitle: '江州学院七十周年校庆返校日',
  day: '2026-12-06',
  spotNames,
  completedAt: '2026-12-06T04:00:00Z',
  completionNumber: 7,
  schoolName: '江州学院',
});

describe('paintKeepsake', () => {
  it('draws the card’s words, the seal with the count and the school inside the paper', () => {
    const { ctx, texts } = canvasRecorder();
    paintKeepsake(ctx, keepsake(['老校门', '图书馆', '体育场']));
    const drawn = texts.map((t) => t.text);
    expect(drawn.slice(0, 3)).toEqual(['返 校 纪 念', '江州学院七十周年校庆返校日', '周明远 · 2012届计科1班']);
    expect(drawn.join('').replace(/\s/g, '')).toContain('走过老校门、图书馆、体育场，集齐全部3枚印章，是当天第7位集齐的校友。');
    expect(drawn.slice(-4)).toEqual(['集齐', '3 枚印章', '江州学院', '2026-12-06']);
    for (const t of texts) {
      expect(t.y).toBeGreaterThan(44);
      expect(t.y).toBeLessThan(KEEPSAKE_HEIGHT - 44);
      expect(t.x).toBeGreaterThanOrEqual(44);
      expect(t.x).toBeLessThanOrEqual(KEEPSAKE_WIDTH - 44);
    }
  });

  it('keeps the body above the seal with the most spots a day may have', () => {
    const { ctx, texts } = canvasRecorder();
    paintKeepsake(ctx, keepsake(Array.from({ length: 24 }, (_, n) => `第${n + 1}号打卡点`)));
    const seal = texts.find((t) => t.text === '集齐')!;
    const body = texts.filter((t) => t.x === 88);
    expect(body.length).toBeGreaterThan(3);
    expect(Math.max(...body.map((t) => t.y))).toBeLessThan(seal.y - 18 - 84);
    expect(body.at(-1)!.text.endsWith('…')).toBe(true);
  });

  it('names the saved file by the day and the alumnus', () => {
    expect(keepsakeFileName({ day: '2026-12-06', name: '周明远' })).toBe('返校纪念-2026-12-06-周明远.png');
  });
});
