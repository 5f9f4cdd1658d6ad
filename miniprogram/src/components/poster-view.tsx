import { Button } from '@nutui/nutui-react-taro';
import { Image, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { DrawingCanvas, type DrawnCanvas, type PaintContext, type PictureLoader, useDrawnImage } from './drawn-image';
import { saveImage } from './save-image';
import './poster-view.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

interface PosterViewProps<C> {
  /** The page's class for the poster (`story-poster`): its parts are `<name>__image`, `__save`, `__fallback`. */
  name: string;
  canvas: DrawnCanvas;
  /** What the poster says; a new object draws again. */
  content: C;
  paint: (ctx: PaintContext, content: C, picture: PictureLoader) => void | Promise<void>;
  /** The same words and the code as they are: shown while drawing, and instead if drawing fails. */
  fallback: ReactNode;
  fileName: string;
}

/**
 * A share poster with its mini-program code (a story's, a giving day's), drawn on the phone:
 * WeChat exports the canvas to a file the alumnus saves to the album (or long-presses to send);
 * the browser gets an image to download.
 */
export function PosterView<C>({ name, canvas, content, paint, fallback, fileName }: PosterViewProps<C>) {
  const drawing = useDrawnImage(canvas, content, paint);
  return (
    <View className={`poster-view ${name}`}>
      {drawing.status === 'ready' ? (
        <Image className={`poster-view__image ${name}__image`} src={drawing.src} mode="widthFix" showMenuByLongpress />
      ) : (
        <View className={`poster-view__fallback ${name}__fallback`}>{fallback}</View>
      )}
      {drawing.status === 'ready' ? (
        <Button
          className={`poster-view__save ${name}__save`}
          type="primary"
          shape="round"
          block
          onClick={() => void saveImage(drawing.src, fileName, '保存海报')}
        >
          {IS_WEAPP ? '保存到相册' : '下载海报'}
        </Button>
      ) : null}
      <DrawingCanvas canvas={canvas} className="poster-view__canvas" />
    </View>
  );
}
