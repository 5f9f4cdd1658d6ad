import { formatFen, formatShanghaiShort, type GivingDayLiveDto } from '@alumni/shared';
import { CANVAS_FONTS, type PaintContext, paintPosterFoot, pill, textWriter, wrapText } from '../../components/canvas-text';
import { dayTotalFen, percentOf } from './giving-day-view';

export const GIVING_DAY_POSTER_WIDTH = 750;
export const GIVING_DAY_POSTER_HEIGHT = 1200;
const ORANGE = '#e8692c';
const MARGIN = 48;

/** What a giving day's poster says; the page shows the same words as text when drawing fails. */
export interface GivingDayPosterContent {
  school: string;
  title: string;
  summary: string;
  /** "12月20日 00:00 – 12月21日 00:00" (Beijing). */
  window: string;
  /** "已筹 ¥1,234.00 · 56 位校友参与" as the poster was made. */
  progress: string;
  goal: string;
  /** Of the goal, 0–100. */
  percent: number;
  hint: string;
  /** The mini-program code that opens the day (an absolute URL). */
  codeUrl: string;
}

/** The poster's words from the live day as it stands; `codeUrl` already absolute (mediaUrl). */
export function givingDayPosterContent(
  live: Pick<GivingDayLiveDto, 'day' | 'totals'>,
  school: string,
  codeUrl: string,
): GivingDayPosterContent {
  const total = dayTotalFen(live);
  return {
    school: `${school}校友会`,
    title: live.day.title,
    summary: live.day.summary,
    window: `${formatShanghaiShort(live.day.startsAt)} – ${formatShanghaiShort(live.day.endsAt)}`,
    progress: `已筹 ${formatFen(total)} · ${live.totals.donors} 位校友参与`,
    goal: `目标 ${formatFen(live.day.goalFen)}`,
    percent: percentOf(total, live.day.goalFen),
    hint: '微信扫码，一起为母校加油',
    codeUrl,
  };
}

/**
 * The file a saved poster is called by. The fixed words come first: minified, a literal such as
 * "-海报.png" reads as a picture path of the package to the weapp check (as ${title}.png does not).
 */
export const givingDayPosterFileName = (content: Pick<GivingDayPosterContent, 'title'>) => `海报-${content.title}.png`;

/**
 * Paints the poster on a GIVING_DAY_POSTER_WIDTH × HEIGHT canvas: an orange band with the
 * day's name and window, the call to give, the progress toward the goal, and the foot with
 * the mini-program code (the story poster's foot).
 */
export function paintGivingDayPoster(ctx: PaintContext, content: GivingDayPosterContent, code: CanvasImageSource): void {
  const W = GIVING_DAY_POSTER_WIDTH;
  const H = GIVING_DAY_POSTER_HEIGHT;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  const band = ctx.createLinearGradient(0, 0, W, 0);
  band.addColorStop(0, '#f5a25d');
  band.addColorStop(1, ORANGE);
  ctx.fillStyle = band;
  ctx.fillRect(0, 0, W, 460);

  const text = textWriter(ctx, 'left');
  ctx.textBaseline = 'top';
  text('捐赠日', MARGIN, 64, '28px', '#fff4ea');
  let y = 120;
  ctx.font = `bold 56px ${CANVAS_FONTS}`;
  for (const line of wrapText(content.title, W - 2 * MARGIN, (l) => ctx.measureText(l).width).slice(0, 3)) {
    text(line, MARGIN, y, 'bold 56px', '#ffffff');
    y += 76;
  }
  text(content.window, MARGIN, Math.max(y + 16, 380), '28px', '#fff4ea');

  y = 510;
  if (content.summary) {
    ctx.font = `30px ${CANVAS_FONTS}`;
    for (const line of wrapText(content.summary, W - 2 * MARGIN, (l) => ctx.measureText(l).width).slice(0, 3)) {
      text(line, MARGIN, y, '30px', '#4e5969');
      y += 46;
    }
    y += 24;
  }
  text(content.progress, MARGIN, y, 'bold 34px', '#1f2329');
  y += 64;
  // The goal as a bar: the track, then what is raised (at least a dot, so a new day shows one).
  const barWidth = W - 2 * MARGIN;
  ctx.fillStyle = '#f3ece7';
  pill(ctx, MARGIN, y, barWidth, 20);
  ctx.fillStyle = ORANGE;
  pill(ctx, MARGIN, y, Math.max(20, (barWidth * content.percent) / 100), 20);
  y += 40;
  text(content.goal, MARGIN, y, '26px', '#86909c');
  text(`${content.percent}%`, W - MARGIN, y, 'bold 26px', ORANGE, 'right');

  paintPosterFoot(ctx, code, content, { width: W, height: H });
}
