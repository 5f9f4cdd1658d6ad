import { STORY_KIND_LABELS, type StoryDto } from '@alumni/shared';
import { CANVAS_FONTS, paintPosterFoot, textWriter, wrapText } from '../../components/canvas-text';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;
const RED = '#a4262c';

/** What the poster says; the page shows the same words as text when drawing fails. */
export interface PosterContent {
  school: string;
  kind: string;
  title: string;
  summary: string;
  subject: string | null;
  hint: string;
}

export function posterContent(story: Pick<StoryDto, 'kind' | 'title' | 'summary' | 'subjectName'>, school: string): PosterContent {
  return {
    school: `${school}校友会`,
    kind: STORY_KIND_LABELS[story.kind],
    title: story.title,
    summary: story.summary,
    subject: story.subjectName,
    hint: '微信扫码，阅读全文',
  };
}

/** A picture the painter can draw: the browser's HTMLImageElement, or what WeChat's canvas.createImage() answers. */
type Drawable = CanvasImageSource;

export type PosterContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText' | 'drawImage'
>;

/** Paints the poster: the cover on top (when there is one), the words, the mini-program code at the foot. */
export function paintPoster(ctx: PosterContext, content: PosterContent, images: { cover: Drawable | null; code: Drawable }): void {
  const W = POSTER_WIDTH;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, POSTER_HEIGHT);
  // The cover across the top, or a band of the school's red.
  let y = images.cover ? 420 : 160;
  if (images.cover) {
    ctx.drawImage(images.cover, 0, 0, W, y);
  } else {
    ctx.fillStyle = RED;
    ctx.fillRect(0, 0, W, y);
  }
  const text = textWriter(ctx, 'left');
  ctx.textBaseline = 'top';
  y += 40;
  text(content.kind, 48, y, '26px', RED);
  y += 52;
  ctx.font = `bold 40px ${CANVAS_FONTS}`;
  for (const line of wrapText(content.title, W - 96, (l) => ctx.measureText(l).width).slice(0, 3)) {
    text(line, 48, y, 'bold 40px', '#1f2329');
    y += 56;
  }
  if (content.subject) {
    y += 8;
    text(content.subject, 48, y, '28px', RED);
    y += 44;
  }
  if (content.summary) {
    y += 8;
    ctx.font = `28px ${CANVAS_FONTS}`;
    for (const line of wrapText(content.summary, W - 96, (l) => ctx.measureText(l).width).slice(0, 3)) {
      text(line, 48, y, '28px', '#4e5969');
      y += 42;
    }
  }
  paintPosterFoot(ctx, images.code, content, { width: W, height: POSTER_HEIGHT });
}
