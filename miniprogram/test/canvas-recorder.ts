import type { PaintContext } from '../src/components/canvas-text';

/** A canvas context for painter specs that records the text drawn and where; text measures 32 px a character. */
export function canvasRecorder() {
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  const noop = () => undefined;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: noop,
    strokeRect: noop,
    beginPath: noop,
    moveTo: noop,
    arcTo: noop,
    arc: noop,
    stroke: noop,
    closePath: noop,
    fill: noop,
    drawImage: noop,
    createLinearGradient: () => ({ addColorStop: noop }),
    measureText: (text: string) => ({ width: [...text].length * 32 }),
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, font: ctx.font });
    },
  };
  return { ctx: ctx as unknown as PaintContext, texts };
}
