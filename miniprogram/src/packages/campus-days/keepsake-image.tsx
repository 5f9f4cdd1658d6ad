import type { CampusDayKeepsakeDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { DrawingCanvas, type DrawnCanvas, useDrawnImage } from '../../components/drawn-image';
import { saveImage } from '../../components/save-image';
import { KEEPSAKE_HEIGHT, KEEPSAKE_WIDTH, keepsakeFileName, paintKeepsake } from './keepsake';
import { keepsakeLines } from './stamp-view';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const CANVAS: DrawnCanvas = { id: 'campus-day-keepsake-canvas', width: KEEPSAKE_WIDTH, height: KEEPSAKE_HEIGHT };

/**
 * The keepsake as an image to keep (WeChat: the photo album; the browser: a download), drawn on the
 * phone as the donation certificate is. Its words stay in the page for screen readers, and show
 * as the card instead if drawing fails.
 */
export function KeepsakeImage({ keepsake }: { keepsake: CampusDayKeepsakeDto }) {
  const drawing = useDrawnImage(CANVAS, keepsake, paintKeepsake);
  const lines = keepsakeLines(keepsake);
  const drawn = drawing.status === 'ready';
  return (
    <View className="cd-keepsake-image">
      {drawing.status === 'ready' ? (
        <Image className="cd-keepsake-image__image" src={drawing.src} mode="widthFix" showMenuByLongpress />
      ) : null}
      <View className={drawn ? 'cd-keepsake cd-keepsake--behind' : 'cd-keepsake'}>
        <Text className="cd-keepsake__mark">返校纪念</Text>
        <Text className="cd-keepsake__title">{lines.title}</Text>
        <Text className="cd-keepsake__name">{lines.name}</Text>
        <Text className="cd-keepsake__body">{lines.body}</Text>
        <Text className="cd-keepsake__footer">{lines.footer}</Text>
      </View>
      {drawing.status === 'ready' ? (
        <Button
          className="cd-keepsake-image__save"
          type="primary"
          shape="round"
          block
          onClick={() => void saveImage(drawing.src, keepsakeFileName(keepsake), '保存返校纪念')}
        >
          {IS_WEAPP ? '保存到相册' : '下载返校纪念'}
        </Button>
      ) : null}
      <DrawingCanvas canvas={CANVAS} className="cd-keepsake-image__canvas" />
    </View>
  );
}
