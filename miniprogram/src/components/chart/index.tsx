import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef } from 'react';
import { type ChartOption, echarts } from './echarts';
import { findCanvasNode } from '../weapp-canvas-node';
import { weappCanvas, type WeappTouchEvent, forwardTouch } from './weapp-canvas';
import './index.scss';

interface ChartProps {
  option: ChartOption;
  /** CSS pixels; the width follows the container. */
  height: number;
  className?: string;
}

type ChartInstance = ReturnType<typeof echarts.init>;

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
let nextCanvasId = 0;

/**
 * One ECharts chart in both builds: in the browser ECharts draws into a div as usual; in
 * WeChat into a `<canvas type="2d">` node through a small adapter (weapp-canvas.ts). The
 * published Taro wrappers query the canvas outside the page's scope, which finds nothing on
 * Taro ≥ 3.6, so this is our own.
 */
export function Chart({ option, height, className }: ChartProps) {
  const chart = useRef<ChartInstance | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;
  const host = useRef<HTMLElement | null>(null);
  const canvasId = useMemo(() => `al-chart-${++nextCanvasId}`, []);

  useEffect(() => {
    let disposed = false;
    const start = (instance: ChartInstance) => {
      if (disposed) return instance.dispose();
      chart.current = instance;
      instance.setOption(optionRef.current, true);
    };
    if (IS_WEAPP) void mountInWeapp(canvasId, height).then((instance) => instance && start(instance));
    else if (host.current) start(echarts.init(host.current, undefined, { renderer: 'canvas', height }));
    // The browser build follows the window (a desktop's is resized); a phone's never changes.
    const resize = () => chart.current?.resize();
    if (!IS_WEAPP) window.addEventListener('resize', resize);
    return () => {
      disposed = true;
      if (!IS_WEAPP) window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [canvasId, height]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const classes = `al-chart ${className ?? ''}`;
  if (!IS_WEAPP) return <View className={classes} style={{ height: `${height}px` }} ref={host as never} />;
  const touch = (kind: 'start' | 'move' | 'end') => (event: unknown) =>
    chart.current && forwardTouch(chart.current, kind, event as WeappTouchEvent);
  return (
    <Canvas
      type="2d"
      id={canvasId}
      className={classes}
      style={{ width: '100%', height: `${height}px` }}
      onTouchStart={touch('start')}
      onTouchMove={touch('move')}
      onTouchEnd={touch('end')}
    />
  );
}

async function mountInWeapp(canvasId: string, height: number): Promise<ChartInstance | null> {
  const found = await findCanvasNode(canvasId);
  if (!found) return null;
  const canvas = weappCanvas(found.node);
  return echarts.init(canvas as never, undefined, {
    width: found.width,
    height,
    devicePixelRatio: Taro.getSystemInfoSync().pixelRatio,
  });
}
