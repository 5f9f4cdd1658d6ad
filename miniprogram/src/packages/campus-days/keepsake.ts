import type { CampusDayKeepsakeDto } from '@alumni/shared';
import { CANVAS_FONTS, type PaintContext, pill, textWriter, wrapText } from '../../components/canvas-text';
import { keepsakeLines } from './stamp-view';

export const KEEPSAKE_WIDTH = 750;
export const KEEPSAKE_HEIGHT = 1050;

const RED = '#c0392b';
const INK = '#1f2329';
const MARGIN = 88;
/** The seal's centre, from the bottom edge, and its size. */
const SEAL_ROW = 170;
const SEAL_RADIUS = 84;

/** Draws the keepsake onto a KEEPSAKE_WIDTH × KEEPSAKE_HEIGHT canvas: the card's words and a seal with the count. */
export function paintKeepsake(ctx: PaintContext, keepsake: CampusDayKeepsakeDto): void {
  const W = KEEPSAKE_WIDTH;
  const H = KEEPSAKE_HEIGHT;
  const centre = W / 2;
  const lines = keepsakeLines(keepsake);
  const text = textWriter(ctx, 'center');

  const paper = ctx.createLinearGradient(0, 0, 0, H);
  paper.addColorStop(0, '#fffaf0');
  paper.addColorStop(1, '#fbeee0');
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, W, H);
  ctx.strokeStyle = RED;
  ctx.lineWidth = 8;
  ctx.strokeRect(28, 28, W - 56, H - 56);
  ctx.lineWidth = 2;
  ctx.strokeRect(44, 44, W - 88, H - 88);

  ctx.textBaseline = 'middle';
  ctx.fillStyle = RED;
  pill(ctx, centre - 120, 96, 240, 60);
  text('返 校 纪 念', centre, 126, 'bold 30px', '#ffffff');

  let y = 220;
  ctx.font = `bold 48px ${CANVAS_FONTS}`;
  for (const line of wrapText(lines.title, W - 2 * MARGIN, (t) => ctx.measureText(t).width).slice(0, 2)) {
    text(line, centre, y, 'bold 48px', INK);
    y += 64;
  }
  y += 36;
  text(lines.name, centre, y, 'bold 36px', INK);
  ctx.fillStyle = RED;
  ctx.fillRect(centre - 150, y + 40, 300, 2);

  // The body fills the space down to the seal's row: a smaller size when long, cut with … past that.
  y += 110;
  const bottom = H - SEAL_ROW - SEAL_RADIUS - 40;
  const wrap = (size: number) => {
    ctx.font = `${size}px ${CANVAS_FONTS}`;
    return wrapText(lines.body, W - 2 * MARGIN, (t) => ctx.measureText(t).width);
  };
  let size = 30;
  let step = 52;
  let body = wrap(size);
  if (y + (body.length - 1) * step > bottom) {
    size = 24;
    step = 40;
    body = wrap(size);
  }
  const room = Math.floor((bottom - y) / step) + 1;
  if (body.length > room) body = [...body.slice(0, room - 1), `${body[room - 1]!.slice(0, -1)}…`];
  for (const line of body) {
    text(line, MARGIN, y, `${size}px`, '#4e5969', 'left');
    y += step;
  }

  // The seal (the set, collected) at the bottom left; the school and the day at the right.
  const sealX = MARGIN + SEAL_RADIUS;
  const sealY = H - SEAL_ROW;
  ctx.strokeStyle = RED;
  ctx.lineWidth = 6;
  ctx.beginPath();
  ctx.arc(sealX, sealY, SEAL_RADIUS, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(sealX, sealY, SEAL_RADIUS - 12, 0, Math.PI * 2);
  ctx.stroke();
  text('集齐', sealX, sealY - 18, 'bold 40px', RED);
  text(`${keepsake.spotNames.length} 枚印章`, sealX, sealY + 30, '22px', RED);

  text(lines.footer, W - MARGIN, sealY - 24, '30px', RED, 'right');
  text(keepsake.day, W - MARGIN, sealY + 24, '26px', RED, 'right');
}

/** The saved file's name: the day and the alumnus. */
export const keepsakeFileName = (keepsake: Pick<CampusDayKeepsakeDto, 'day' | 'name'>) => `返校纪念-${keepsake.day}-${keepsake.name}.png`;
