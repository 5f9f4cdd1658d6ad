import Taro from '@tarojs/taro';
import type { WeappCanvasNode } from '../weapp-canvas-node';
import { echarts } from './echarts';

export interface WeappTouchEvent {
  touches: { x: number; y: number }[];
  changedTouches?: { x: number; y: number }[];
}

let platformReady = false;

/**
 * ECharts measures text and makes scratch canvases through its platform API, which
 * defaults to `document`; the mini-program has none, so both go to an offscreen canvas.
 */
function preparePlatform(): void {
  if (platformReady) return;
  platformReady = true;
  const scratch = () => Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as WeappCanvasNode;
  const measure = scratch().getContext('2d');
  echarts.setPlatformAPI({
    createCanvas: () => scratch() as unknown as HTMLCanvasElement,
    measureText: (text: string, font?: string) => {
      measure.font = font ?? '12px sans-serif';
      return measure.measureText(text);
    },
  });
}

/**
 * The canvas node as ECharts' single-canvas painter expects its root: it sizes the node
 * for the pixel ratio and draws through getContext('2d'); DOM events are not wired (touch
 * events are forwarded by forwardTouch).
 */
export function weappCanvas(node: WeappCanvasNode) {
  preparePlatform();
  const context = node.getContext('2d');
  return {
    getContext: (type: string) => (type === '2d' ? context : null),
    get width() {
      return node.width;
    },
    set width(value: number) {
      node.width = value;
    },
    get height() {
      return node.height;
    },
    set height(value: number) {
      node.height = value;
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
}

/** A tap or drag on the canvas as the pointer events ECharts' tooltip follows. */
export function forwardTouch(chart: ReturnType<typeof echarts.init>, kind: 'start' | 'move' | 'end', event: WeappTouchEvent): void {
  const touch = kind === 'end' ? event.changedTouches?.[0] : event.touches[0];
  if (!touch) return;
  const handler = chart.getZr().handler;
  const point = { zrX: touch.x, zrY: touch.y, preventDefault: () => undefined, stopPropagation: () => undefined };
  if (kind === 'start') handler.dispatch('mousedown', point);
  if (kind !== 'end') handler.dispatch('mousemove', point);
  else {
    handler.dispatch('mouseup', point);
    handler.dispatch('click', point);
  }
}
