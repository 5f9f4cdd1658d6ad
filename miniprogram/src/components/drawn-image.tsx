import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { PaintContext } from './canvas-text';
import { findCanvasNode } from './weapp-canvas-node';

export type { PaintContext };

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** A picture the phone draws: the hidden canvas's id in WeChat and the image's size in pixels. */
export interface DrawnCanvas {
  id: string;
  width: number;
  height: number;
}

export type Drawing = { status: 'drawing' } | { status: 'ready'; src: string } | { status: 'failed' };

/** Loads a picture (by URL) for the painter to draw, on the canvas being painted. */
export type PictureLoader = (url: string) => Promise<CanvasImageSource>;

/**
 * Paints an image: in WeChat on the page's hidden `<canvas type="2d">` (DrawingCanvas), exported to a
 * temporary file; in the browser on an offscreen canvas, as a PNG data URL. A painter that draws
 * pictures (a story's cover and code) loads them with `picture` first.
 */
export async function drawImage(
  canvas: DrawnCanvas,
  paint: (ctx: PaintContext, picture: PictureLoader) => void | Promise<void>,
): Promise<string> {
  const { width, height } = canvas;
  if (!IS_WEAPP) {
    const element = document.createElement('canvas');
    element.width = width;
    element.height = height;
    const ctx = element.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    await paint(ctx, (url) => loaded(new window.Image(), url));
    return element.toDataURL('image/png');
  }
  const found = await findCanvasNode(canvas.id);
  if (!found) throw new Error(`canvas #${canvas.id} not found`);
  const node = found.node as typeof found.node & { createImage(): PictureElement };
  node.width = width;
  node.height = height;
  await paint(node.getContext('2d'), async (url) => {
    const { tempFilePath } = await Taro.downloadFile({ url });
    return loaded(node.createImage(), tempFilePath);
  });
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: node as never,
    destWidth: width,
    destHeight: height,
  } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

/** The browser's HTMLImageElement, or what WeChat's canvas.createImage() answers. */
interface PictureElement {
  src: string;
}

function loaded(image: PictureElement, src: string): Promise<CanvasImageSource> {
  return new Promise((resolve, reject) => {
    const element = image as PictureElement & { onload: () => void; onerror: (error: unknown) => void };
    element.onload = () => resolve(image as unknown as CanvasImageSource);
    element.onerror = reject;
    element.src = src;
  });
}

/**
 * Draws `content` with `paint` once per content (a new object draws again); `onDrawn` hears the
 * image's source. A painter that draws pictures (a poster's code) loads them with `picture`.
 * Drawing fails where there is no canvas: the page then shows its words as text.
 */
export function useDrawnImage<C>(
  canvas: DrawnCanvas,
  content: C,
  paint: (ctx: PaintContext, content: C, picture: PictureLoader) => void | Promise<void>,
  onDrawn?: (src: string) => void,
): Drawing {
  const [drawing, setDrawing] = useState<Drawing>({ status: 'drawing' });
  const latest = useRef({ paint, onDrawn });
  latest.current = { paint, onDrawn };

  useEffect(() => {
    let gone = false;
    setDrawing({ status: 'drawing' });
    drawImage(canvas, (ctx, picture) => latest.current.paint(ctx, content, picture)).then(
      (src) => {
        if (gone) return;
        setDrawing({ status: 'ready', src });
        latest.current.onDrawn?.(src);
      },
      () => !gone && setDrawing({ status: 'failed' }),
    );
    return () => {
      gone = true;
    };
    // The canvas is a constant of its page.
  }, [content]);

  return drawing;
}

/** The hidden `<canvas type="2d">` drawImage paints on in WeChat (nothing in the browser), at half size in px as the image is 2×. */
export function DrawingCanvas({ canvas, className }: { canvas: DrawnCanvas; className: string }) {
  if (!IS_WEAPP) return null;
  return (
    <Canvas type="2d" id={canvas.id} className={className} style={{ width: `${canvas.width / 2}px`, height: `${canvas.height / 2}px` }} />
  );
}
