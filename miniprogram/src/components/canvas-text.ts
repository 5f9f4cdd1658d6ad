/** Drawing on a canvas (the donation certificate, a story's poster, the campus-day keepsake): lines that fit, rounded bars. */

/** Punctuation that may not begin a line (it stays with what precedes it). */
const CLOSING = /^[，。、；：！？”’）》」』】]/;

/**
 * Breaks text into lines no wider than `maxWidth`: between any two Chinese characters, but
 * never inside a run of Latin letters, digits and amount signs (`¥1,024.00`), and never
 * before closing punctuation.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9¥.,%\-–]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line === '' || measure(candidate) <= maxWidth || CLOSING.test(token)) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** The part of CanvasRenderingContext2D painters use: both WeChat's canvas 2d and the browser's have it. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'moveTo'
  | 'arcTo'
  | 'arc'
  | 'stroke'
  | 'closePath'
  | 'fill'
  | 'createLinearGradient'
  | 'drawImage'
>;

/** A filled rounded bar; arcTo rather than roundRect, which older WeChat base libraries lack. */
export function pill(ctx: PaintContext, x: number, y: number, width: number, height: number): void {
  const r = height / 2;
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + width, y, x + width, y + height, r);
  ctx.arcTo(x + width, y + height, x, y + height, r);
  ctx.arcTo(x, y + height, x, y, r);
  ctx.arcTo(x, y, x + width, y, r);
  ctx.closePath();
  ctx.fill();
}

/** Fonts with Chinese on the phones and computers alumni use. */
export const CANVAS_FONTS = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** A one-line text writer on `ctx`: size and weight (`bold 40px`), colour, alignment (`align` unless given). */
export function textWriter(ctx: Pick<PaintContext, 'font' | 'fillStyle' | 'textAlign' | 'fillText'>, align: CanvasTextAlign) {
  return (value: string, x: number, y: number, font: string, color: string, at: CanvasTextAlign = align) => {
    ctx.font = `${font} ${CANVAS_FONTS}`;
    ctx.fillStyle = color;
    ctx.textAlign = at;
    ctx.fillText(value, x, y);
  };
}

/** The poster's code: this size in px, this far from the image's edges. */
const CODE_SIZE = 220;
const CODE_MARGIN = 48;

/**
 * The foot of a share poster (a story's, a giving day's): the mini-program code at the
 * right, the association's name and what scanning it does at the left.
 */
export function paintPosterFoot(
  ctx: Pick<PaintContext, 'font' | 'fillStyle' | 'textAlign' | 'textBaseline' | 'fillText' | 'drawImage'>,
  code: CanvasImageSource,
  words: { school: string; hint: string },
  size: { width: number; height: number },
): void {
  const codeTop = size.height - CODE_SIZE - 60;
  ctx.drawImage(code, size.width - CODE_MARGIN - CODE_SIZE, codeTop, CODE_SIZE, CODE_SIZE);
  ctx.textBaseline = 'top';
  const text = textWriter(ctx, 'left');
  text(words.school, CODE_MARGIN, codeTop + 60, 'bold 30px', '#1f2329');
  text(words.hint, CODE_MARGIN, codeTop + 110, '26px', '#86909c');
}
